// A protected web API: validates bearer tokens against the authority's JWKS; a middle tier also does OBO.
import type { EndpointResult } from '../../model/endpoint';
import type { ApiParty, OboCall } from '../../model/scenario';
import type { ErrorCard } from '../../model/trace';
import { verifyJwt } from '../../crypto';
import type { Jwks } from '../../crypto';
import { isMicrosoftGraphAudience } from '../../directory/directory';
import {
  BEARER_DOCS,
  bearerRejectionCard,
  buildBearerChallenge,
  buildClaimsChallenge,
  cardForCode,
  DOCS,
} from '../../errors';
import type { BearerRejectionReason } from '../../errors';
import { getHeader, jsonResponse, parseJsonBody } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import { issuersFor } from '../authority/keys';
import type { PartyEnv } from '../shared/env';
import { fetchJwksOnce, postTokenRequest } from '../shared/token-request';

/** What an API knows and remembers between requests. */
export interface ApiState {
  /** The cached JWKS. */
  jwks?: Jwks;
  /**
   * The access-token format the API's registration asks for (`requestedAccessTokenVersion`), which
   * decides the metadata (and keys) it validates against; v2.0 when absent.
   * @see https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-signature
   */
  tokenVersion?: '1.0' | '2.0';
}

/**
 * Claims rules jose leaves to the caller (RFC 9068 section 4): a numeric `exp` must be present,
 * and `iat`, when present, must not be later than `now` plus `toleranceSeconds` (all in seconds).
 * Returns the failing rule and a description for the 401, or `undefined` when both hold.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.6
 */
function timeClaimsFailure(
  claims: Record<string, unknown>,
  now: number,
  toleranceSeconds: number,
): { reason: 'exp_missing' | 'issued_in_future'; description: string } | undefined {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    return {
      reason: 'exp_missing',
      description: 'The token has no exp claim; access tokens must expire.',
    };
  if (typeof claims.iat === 'number' && claims.iat > now + toleranceSeconds)
    return {
      reason: 'issued_in_future',
      description: `The token's iat is ${claims.iat - now} s in the future, beyond the ${toleranceSeconds} s clock-skew allowance.`,
    };
  return undefined;
}

/** A 401/403 bearer rejection (RFC 6750 section 3.1); `scope` is the scope a 403 asks for. */
function rejection(
  status: 401 | 403,
  reason: BearerRejectionReason,
  description: string,
  tenantId: string,
  party: ApiParty,
  scope?: string,
): EndpointResult {
  const error = status === 403 ? 'insufficient_scope' : 'invalid_token';
  const challenge = buildBearerChallenge(
    tenantId,
    reason === 'missing' ? undefined : { error, description, ...(scope ? { scope } : {}) },
  );
  return {
    response: jsonResponse(
      status,
      { error, error_description: description },
      { 'WWW-Authenticate': challenge },
    ),
    events: [{ type: 'token.validated', party: party.id, ok: false, reason, detail: description }],
    error: bearerRejectionCard(error, reason, party.label),
  };
}

/** The caller summary an API echoes back, read from the validated token's claims. */
function callerSummary(payload: Record<string, unknown>): Record<string, unknown> {
  return {
    app: payload.azp ?? payload.appid,
    user: payload.name ?? null,
    scp: payload.scp ?? null,
    roles: payload.roles ?? [],
    tokenVersion: payload.ver,
  };
}

/**
 * Handles a request to an API: bearer validation (RFC 6750) with jose against the authority's
 * JWKS fetched over the simulated network (signature, `iss`, `aud`, `exp`/`nbf` with the API's
 * clock leeway, `exp` required and `iat` not beyond the leeway in the future, then required `scp`
 * or `roles`). Failures answer 401/403 with a
 * `WWW-Authenticate` header. A middle tier then does OBO and calls its downstream API.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function handleApiRequest(
  party: ApiParty,
  state: ApiState,
  env: PartyEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const authorization = getHeader(request.headers, 'Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) return rejection(401, 'missing', 'No bearer token.', env.tenantId, party);
  const token = match[1];
  const jwks = await fetchJwksOnce(env, party.id, state, state.tokenVersion ?? '2.0');
  if (!jwks) {
    return {
      response: jsonResponse(500, {
        error: 'jwks_unavailable',
        error_description: 'Could not load the signing keys.',
      }),
      error: {
        title: 'Signing keys unavailable',
        why: "The API could not fetch the authority's JWKS.",
        fix: 'Check the jwks_uri.',
        docs: BEARER_DOCS,
      },
    };
  }
  const v = party.validation;
  const verified = await verifyJwt(token, jwks, {
    now: env.clock.now,
    issuer: issuersFor(env.tenantId),
    ...(v.validateAudience ? { audience: v.audiences } : {}),
    clockToleranceSeconds: v.clockToleranceSeconds,
  });
  if (!verified.ok) return rejection(401, verified.reason, verified.message, env.tenantId, party);
  const claims = verified.payload;
  const timing = timeClaimsFailure(claims, env.clock.now, v.clockToleranceSeconds);
  if (timing) return rejection(401, timing.reason, timing.description, env.tenantId, party);
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ') : undefined;
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  if (scp) {
    if (v.requiredScopes.length > 0 && !v.requiredScopes.some((s) => scp.includes(s))) {
      return rejection(
        403,
        'insufficient_scope',
        `The token's scp lacks ${v.requiredScopes.join(' or ')}.`,
        env.tenantId,
        party,
        v.requiredScopes.join(' '),
      );
    }
  } else {
    if (!v.allowAppOnly)
      return rejection(
        403,
        'app_only_not_allowed',
        'App-only tokens are not accepted.',
        env.tenantId,
        party,
      );
    if (v.requiredRoles.length > 0 && !v.requiredRoles.some((r) => roles.includes(r))) {
      return rejection(
        403,
        'insufficient_scope',
        `The token's roles lack ${v.requiredRoles.join(' or ')}.`,
        env.tenantId,
        party,
      );
    }
  }
  const leeway =
    Number(claims.exp) <= env.clock.now
      ? ` (expired ${env.clock.now - Number(claims.exp)} s ago, inside the ${v.clockToleranceSeconds} s clock-skew allowance)`
      : '';
  const graphToken = !v.validateAudience && isMicrosoftGraphAudience(claims.aud);
  env.network.emit({
    type: 'token.validated',
    party: party.id,
    ok: true,
    detail: graphToken
      ? `Accepted WITHOUT checking aud: this is a Microsoft Graph token (aud ${String(claims.aud)}), not for ${party.label} to validate. Third parties cannot validate Graph tokens; the API should have rejected it on aud. ${scp ? `scp "${scp.join(' ')}"` : `roles [${roles.join(', ')}]`}${leeway}.`
      : `Signature verified with kid ${String(verified.header.kid)}; iss ${String(claims.iss)}; ${v.validateAudience ? `aud ${String(claims.aud)} accepted` : 'aud NOT checked (misconfigured)'}; ${scp ? `scp "${scp.join(' ')}"` : `roles [${roles.join(', ')}]`}${leeway}.`,
  });
  if (!party.obo)
    return { response: jsonResponse(200, { ...party.data, caller: callerSummary(claims) }) };
  return callDownstreamOnBehalfOf(party, env, token, claims);
}

/**
 * The card of a failed OBO exchange as the middle tier relays it. The middle tier only has the
 * error body, so the catalogue's placeholders are filled from what it knows about itself.
 */
function oboFailureCard(
  body: Record<string, unknown>,
  party: ApiParty,
  obo: OboCall,
): ErrorCard | undefined {
  const code = Array.isArray(body.error_codes) ? Number(body.error_codes[0]) : undefined;
  return cardForCode(code, {
    clientName: party.label,
    appId: party.appId,
    clientId: party.appId,
    resourceName: 'the downstream API',
    scopes: obo.scope ?? obo.resource ?? 'the requested scopes',
    policy: 'a Conditional Access policy',
    expected: party.appId,
  });
}

async function callDownstreamOnBehalfOf(
  party: ApiParty,
  env: PartyEnv,
  assertion: string,
  claims: Record<string, unknown>,
): Promise<EndpointResult> {
  const obo = party.obo;
  if (!obo) throw new Error(`${party.id} has no OBO configuration.`);
  const { response: tokenResponse, body: tokenBody } = await postTokenRequest(env, {
    partyId: party.id,
    clientId: party.appId,
    credential: obo.credential,
    endpoint: obo.endpoint,
    after: {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
      requested_token_use: 'on_behalf_of',
      ...(obo.endpoint === 'v2'
        ? { scope: obo.scope }
        : { resource: obo.resource, scope: 'openid' }),
    },
    tag: obo.id,
  });

  if (tokenResponse.status !== 200 || typeof tokenBody.access_token !== 'string') {
    const card = oboFailureCard(tokenBody, party, obo);
    if (typeof tokenBody.claims === 'string') {
      env.network.emit({ type: 'claims.challenge', party: party.id, claims: tokenBody.claims });
      const challenge = buildClaimsChallenge(env.tenantId, tokenBody.claims);
      return {
        response: jsonResponse(
          401,
          {
            error: 'insufficient_claims',
            error_description:
              'The downstream API requires more claims (e.g. MFA). Sign the user in again with the claims in WWW-Authenticate.',
          },
          { 'WWW-Authenticate': challenge },
        ),
        error: {
          title: 'Claims challenge relayed to the client',
          why: `${party.label} could not get a token for the downstream API: ${card ? card.why : 'the authority asked for more claims.'}`,
          fix: 'The client decodes the base64 claims, passes them as the claims parameter of an interactive sign-in (the user does MFA), and retries with the new token A.',
          docs: [DOCS.claims, DOCS.obo],
        },
      };
    }
    const description =
      typeof tokenBody.error_description === 'string'
        ? tokenBody.error_description.split(' Trace ID:')[0]
        : 'OBO failed.';
    return {
      response: jsonResponse(500, {
        error: 'downstream_token_failed',
        error_description: `${party.label} could not obtain a token for the downstream API. ${description}`,
      }),
      ...(card
        ? {
            error: {
              ...card,
              title: `${party.label} could not call downstream: ${card.title}`,
            },
          }
        : {}),
    };
  }
  const downstreamParty = obo.downstream;
  const downstream = await env.network.send(
    party.id,
    {
      method: 'GET',
      url: `${env.partyUrls.get(downstreamParty) ?? `https://${downstreamParty}.invalid`}${obo.path}`,
      headers: { Authorization: `Bearer ${tokenBody.access_token}`, Accept: 'application/json' },
    },
    `${obo.id}:downstream`,
  );
  if (downstream.status !== 200) {
    return {
      response: jsonResponse(502, {
        error: 'downstream_failed',
        status: downstream.status,
        detail: parseJsonBody(downstream) ?? null,
      }),
      error: {
        title: 'Downstream API refused the call',
        why: 'The downstream API rejected token B; see its response.',
        fix: 'Open the downstream response step for its WWW-Authenticate header.',
        docs: BEARER_DOCS,
      },
    };
  }
  return {
    response: jsonResponse(200, {
      ...party.data,
      caller: callerSummary(claims),
      downstream: parseJsonBody(downstream) ?? null,
    }),
  };
}
