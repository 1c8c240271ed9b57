// A protected web API: validates bearer tokens against the authority's JWKS; a middle tier also does OBO.
import type { HandlerResult } from '../../core/network';
import type { ApiParty, OboCall } from '../../model/scenario';
import type { ErrorCard } from '../../model/trace';
import { toBase64, verifyJwt } from '../../crypto';
import type { Jwks, JwtFailureReason } from '../../crypto';
import { isMicrosoftGraphAudience } from '../../directory/directory';
import { cardForCode, DOCS } from '../../errors';
import { getHeader, jsonResponse, parseJsonBody, toHeaderSafeText } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import { AUTHORITY_ORIGIN, issuersFor } from '../authority/keys';
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

const REJECTIONS: Record<
  | JwtFailureReason
  | 'missing'
  | 'insufficient_scope'
  | 'app_only_not_allowed'
  | 'exp_missing'
  | 'issued_in_future',
  { why: string; fix: string }
> = {
  missing: {
    why: 'The request carried no Authorization: Bearer header.',
    fix: 'Acquire an access token for this API and send it as Authorization: Bearer <token>.',
  },
  malformed: {
    why: 'The bearer value is not a well-formed JWT.',
    fix: 'Send the access_token value from the token response, unchanged.',
  },
  signature_invalid: {
    why: "The token's signature does not verify with the authority's published keys: it was altered or forged.",
    fix: 'Only accept tokens signed by your tenant; the client must send a token issued by the authority.',
  },
  key_not_found: {
    why: "No key in the authority's JWKS has the token's kid: it was signed by someone else (or the API's key cache is stale).",
    fix: 'Refresh the JWKS; reject tokens from other issuers.',
  },
  expired: {
    why: "The token's exp is in the past, beyond the API's clock-skew allowance.",
    fix: 'The client acquires a fresh token (MSAL does this silently) and retries.',
  },
  not_yet_valid: {
    why: "The token's nbf is in the future.",
    fix: 'Check the clocks of the parties.',
  },
  issuer_mismatch: {
    why: "The token's iss is not this tenant's issuer.",
    fix: "Accept only your tenant's v1.0 and v2.0 issuers.",
  },
  audience_mismatch: {
    why: "The token's aud is not this API: it was issued for another resource.",
    fix: "The client must request a token with this API's scope (its App ID URI or app id).",
  },
  algorithm_not_allowed: {
    why: 'The token is signed with an algorithm the API does not accept.',
    fix: 'Accept RS256 only, as the authority signs.',
  },
  claim_invalid: {
    why: 'A registered claim has an invalid value.',
    fix: 'Inspect the claims and the API validation settings.',
  },
  insufficient_scope: {
    why: 'The token is valid but does not carry a scope or app role this API requires.',
    fix: 'Grant the permission to the client (consent for scp, admin-assigned app role for roles) and request a new token.',
  },
  app_only_not_allowed: {
    why: 'This API serves users only and the token is app-only (no scp).',
    fix: 'Call it with a delegated token, or allow app-only callers with an app role.',
  },
  exp_missing: {
    why: 'The token is signed by the authority but has no numeric exp: a token without an expiry would be valid forever, so access tokens must carry exp (RFC 9068 section 2.2).',
    fix: 'Reject tokens without exp (jose: requiredClaims ["exp"]); the client acquires a normal access token.',
  },
  issued_in_future: {
    why: "The token's iat is later than now plus the API's clock-skew allowance: it claims to be issued in the future, so either a clock is badly wrong or the token was minted to outlive its real lifetime.",
    fix: 'Check the clocks of the parties; reject tokens whose iat is beyond the allowed skew.',
  },
};

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

const API_DOCS = [
  {
    label: 'Protected web API: verify scopes and app roles',
    url: 'https://learn.microsoft.com/entra/identity-platform/scenario-protected-web-api-verification-scope-app-roles',
  },
  {
    label: 'RFC 6750 section 3 (WWW-Authenticate)',
    url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3',
  },
];

/**
 * The head of every `Bearer` challenge an API sends: the tenant in `realm` and that tenant's
 * authorize endpoint in `authorization_uri`. The claims-challenge doc pairs an empty realm with the
 * common endpoint only; a realm needs a tenant-specific `authorization_uri`.
 * @see https://learn.microsoft.com/entra/identity-platform/claims-challenge#claims-challenge-header-format
 */
export function bearerChallengeHead(tenantId: string): string {
  return `Bearer realm="${tenantId}", authorization_uri="${AUTHORITY_ORIGIN}/${tenantId}/oauth2/v2.0/authorize"`;
}

function rejection(
  status: 401 | 403,
  reason: keyof typeof REJECTIONS,
  description: string,
  tenantId: string,
  party: ApiParty,
  extra = '',
): HandlerResult {
  const error = status === 403 ? 'insufficient_scope' : 'invalid_token';
  const challenge =
    reason === 'missing'
      ? bearerChallengeHead(tenantId)
      : `${bearerChallengeHead(tenantId)}, error="${error}", error_description="${toHeaderSafeText(description)}"${extra}`;
  const text = REJECTIONS[reason];
  return {
    response: jsonResponse(
      status,
      { error, error_description: description },
      { 'WWW-Authenticate': challenge },
    ),
    events: [{ type: 'token.validated', party: party.id, ok: false, reason, detail: description }],
    error: {
      error,
      title: `${party.label} rejected the token`,
      why: text.why,
      fix: text.fix,
      docs: API_DOCS,
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
): Promise<HandlerResult> {
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
        docs: API_DOCS,
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
        `, scope="${v.requiredScopes.join(' ')}"`,
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
): Promise<HandlerResult> {
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
      const encoded = toBase64(new TextEncoder().encode(tokenBody.claims));
      env.network.emit({ type: 'claims.challenge', party: party.id, claims: tokenBody.claims });
      const challenge = `${bearerChallengeHead(env.tenantId)}, error="insufficient_claims", claims="${encoded}"`;
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
        docs: API_DOCS,
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
