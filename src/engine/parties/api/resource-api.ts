// A protected web API: validates bearer tokens against the authority's JWKS; a middle tier also does OBO.
import type { EndpointResult } from '../../model/endpoint';
import type { ApiParty, OboCall } from '../../model/scenario';
import type { ErrorCard, TraceEvent } from '../../model/trace';
import type { Jwks } from '../../crypto';
import { fromBase64UrlToString, toBase64 } from '../../crypto';
import { isMicrosoftGraphAudience } from '../../directory/directory';
import {
  BEARER_DOCS,
  bearerRejectionCard,
  buildBearerChallenge,
  buildClaimsChallenge,
  cardForCode,
  DOCS,
} from '../../errors';
import { getHeader, jsonResponse, parseJsonBody } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import type { PartyEnv } from '../shared/env';
import { postTokenRequest } from '../shared/token-request';
import type { OboCache } from './obo-cache';
import { lookUpOboCache, oboCacheKey, storeOboToken } from './obo-cache';
import type { BearerContext, BearerOutcome } from './bearer-checks';
import { runBearerChecks } from './bearer-checks';

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
  /** A middle tier's OBO token cache (see `OboCall.tokenCache`). */
  oboCache?: OboCache;
}

/** The `api.checks` event of a validation: what passed in order, and the failed rule with its text. */
function apiChecksEvent(party: ApiParty, outcome: BearerOutcome): TraceEvent {
  const failed = outcome.failed;
  return {
    type: 'api.checks',
    party: party.id,
    passed: [...outcome.passed],
    ...(failed
      ? {
          failed: {
            check: failed.row.name,
            reason: failed.failure.reason,
            rule: failed.row.rule,
            source: failed.row.source,
          },
        }
      : {}),
  };
}

/**
 * The answer to a failed bearer rule: a 401/403 with an RFC 6750 section 3.1 `WWW-Authenticate`
 * challenge (`scope` is the scope a 403 asks for), or a 500 when the signing keys could not be
 * fetched.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
function rejection(
  party: ApiParty,
  tenantId: string,
  outcome: BearerOutcome & { failed: NonNullable<BearerOutcome['failed']> },
): EndpointResult {
  const failure = outcome.failed.failure;
  const checks = apiChecksEvent(party, outcome);
  if (failure.status === 500) {
    return {
      response: jsonResponse(500, {
        error: 'jwks_unavailable',
        error_description: failure.description,
      }),
      events: [checks],
      error: {
        title: 'Signing keys unavailable',
        why: "The API could not fetch the authority's JWKS.",
        fix: 'Check the jwks_uri.',
        docs: BEARER_DOCS,
      },
    };
  }
  const { status, reason, description, scope } = failure;
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
    events: [
      checks,
      { type: 'token.validated', party: party.id, ok: false, reason, detail: description },
    ],
    error: bearerRejectionCard(error, reason, party.label),
  };
}

/**
 * Trusted subsystem (`trustedUserHeader`): on an app-only call, the user the calling app names in
 * that header, as `{ actingFor: { user, source } }` for the response, with a `client.check` event
 * that says where it came from; `{}` otherwise. The token proves only the app.
 * @see https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/web-api
 */
function trustedUser(
  party: ApiParty,
  env: PartyEnv,
  request: HttpRequest,
  claims: Record<string, unknown>,
): Record<string, unknown> {
  const header = party.trustedUserHeader;
  const user = header ? getHeader(request.headers, header) : undefined;
  if (!header || !user || typeof claims.scp === 'string') return {};
  env.network.emit({
    type: 'client.check',
    party: party.id,
    ok: true,
    detail: `Trusted subsystem: the token proves only the calling app (${String(claims.azp ?? claims.appid)}, roles, no user claims). The user ${user} comes from the ${header} request header, which the authority did not sign: ${party.label} takes the app's word for it.`,
  });
  return {
    actingFor: {
      user,
      source: `${header} header set by the calling app; not in the token, not signed by the authority`,
    },
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
 * Handles a request to an API: bearer validation (RFC 6750) as the ordered table `BEARER_CHECKS`
 * (`bearer-present`, `signature` against the authority's JWKS fetched over the simulated network,
 * `issuer`, `audience`, `lifetime` with the API's clock leeway, `scope-or-role`), recorded as an
 * `api.checks` event. Failures answer 401/403 with a `WWW-Authenticate` header (500 when the keys
 * cannot be fetched). A middle tier then does OBO and calls its downstream API.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function handleApiRequest(
  party: ApiParty,
  state: ApiState,
  env: PartyEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const ctx: BearerContext = { party, state, env, request };
  const outcome = await runBearerChecks(ctx);
  if (outcome.failed) return rejection(party, env.tenantId, { ...outcome, failed: outcome.failed });
  const { token = '', header = {}, claims = {} } = ctx;
  const v = party.validation;
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ') : undefined;
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  env.network.emit(apiChecksEvent(party, outcome));
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
      : `Signature verified with kid ${String(header.kid)}; iss ${String(claims.iss)}; ${v.validateAudience ? `aud ${String(claims.aud)} accepted` : 'aud NOT checked (misconfigured)'}; ${scp ? `scp "${scp.join(' ')}"` : `roles [${roles.join(', ')}]`}${leeway}.`,
  });
  if (!party.obo)
    return {
      response: jsonResponse(200, {
        ...party.data,
        caller: callerSummary(claims),
        ...trustedUser(party, env, request, claims),
      }),
    };
  return callDownstreamOnBehalfOf(party, state, env, token, claims);
}

/**
 * The card of a failed OBO exchange as the middle tier relays it. The middle tier only has the
 * error body, so the catalogue's placeholders are filled from what it knows about itself.
 */
/**
 * Names the Conditional Access policy of a claims challenge for the "why" text: the middle tier
 * only sees the challenge's `claims` (e.g. `{"access_token":{"polids":{"values":["8d3c…"]}}}`),
 * so it names the policy by id, or says where to find it.
 */
function policyOfChallenge(body: Record<string, unknown>): string {
  try {
    const claims = JSON.parse(typeof body.claims === 'string' ? body.claims : '{}') as {
      access_token?: { polids?: { values?: unknown[] }; acrs?: { values?: unknown[] } };
    };
    const id = claims.access_token?.polids?.values?.[0] ?? claims.access_token?.acrs?.values?.[0];
    return typeof id === 'string' ? `id ${id}` : 'named in the claims challenge';
  } catch {
    return 'named in the claims challenge';
  }
}

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
    policy: policyOfChallenge(body),
    expected: party.appId,
  });
}

/**
 * The downstream `Authorization` header: `Bearer <token>` for a JWT; for a SAML assertion (the
 * OBO response's `access_token` is the assertion XML in base64url) `SAML <standard base64 of the
 * XML>`, the scheme Apache CXF's SAML handlers read.
 */
function downstreamAuthorization(accessToken: string, obo: OboCall): string {
  if (!obo.requestedTokenType) return `Bearer ${accessToken}`;
  return `SAML ${toBase64(new TextEncoder().encode(fromBase64UrlToString(accessToken)))}`;
}

/** The OBO token request (RFC 7523 jwt-bearer grant with `requested_token_use=on_behalf_of`). */
function exchangeOnBehalfOf(party: ApiParty, obo: OboCall, env: PartyEnv, assertion: string) {
  return postTokenRequest(env, {
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
      ...(obo.requestedTokenType ? { requested_token_type: obo.requestedTokenType } : {}),
    },
    tag: obo.id,
  });
}

async function callDownstreamOnBehalfOf(
  party: ApiParty,
  state: ApiState,
  env: PartyEnv,
  assertion: string,
  claims: Record<string, unknown>,
): Promise<EndpointResult> {
  const obo = party.obo;
  if (!obo) throw new Error(`${party.id} has no OBO configuration.`);
  const cache = (state.oboCache ??= new Map());
  const cacheKey = obo.tokenCache ? await oboCacheKey(assertion, obo) : '';
  const cached = lookUpOboCache(party.id, obo, cache, cacheKey, env);
  // A cache hit stands for the 200 the authority would have given: no message is sent.
  const { response: tokenResponse, body: tokenBody } = cached
    ? { response: { status: 200 }, body: { access_token: cached } as Record<string, unknown> }
    : await exchangeOnBehalfOf(party, obo, env, assertion);
  if (!cached) storeOboToken(obo, cache, cacheKey, tokenBody, env);

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
      headers: {
        Authorization: downstreamAuthorization(tokenBody.access_token, obo),
        Accept: 'application/json',
      },
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
        why: `The downstream API rejected ${obo.requestedTokenType ? 'the SAML assertion' : 'token B'}; see its response.`,
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
