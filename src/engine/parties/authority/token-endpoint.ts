// The token endpoint (v1 and v2): parse, run the grant's ordered checks, answer a token or an AADSTS error.
import { formatAadTimestamp } from '../../core/clock';
import type { EndpointResult } from '../../model/endpoint';
import { fromBase64 } from '../../crypto';
import { AADSTS, fillTemplate } from '../../errors';
import type { DocRef } from '../../errors';
import { decodeForm, getHeader, jsonResponse, safeDecodeURIComponent } from '../../http/message';
import type { HttpRequest, HttpResponse } from '../../http/message';
import type { AuthorityEnv, CheckFailure, CheckName, TokenContext } from './checks/check';
import { runChecks } from './checks/check';
import { REQUEST_CHECKS } from './checks/request';
import { AUTHORITY_ORIGIN } from './keys';
import { CLIENT_CREDENTIALS_GRANT } from './grants/client-credentials';
import { ON_BEHALF_OF_GRANT } from './grants/on-behalf-of';
import type { Grant } from './grants/grant';
import { AUTHORIZATION_CODE_GRANT } from './grants/authorization-code';
import { REFRESH_TOKEN_GRANT } from './grants/refresh-token';

const GRANTS = {
  client_credentials: CLIENT_CREDENTIALS_GRANT,
  'urn:ietf:params:oauth:grant-type:jwt-bearer': ON_BEHALF_OF_GRANT,
  authorization_code: AUTHORIZATION_CODE_GRANT,
  refresh_token: REFRESH_TOKEN_GRANT,
} as const satisfies Record<string, Grant>;

/** A `grant_type` the token endpoint serves (RFC 6749 section 4, RFC 7523 section 2.1 for OBO). */
export type TokenGrantType = keyof typeof GRANTS;

/**
 * The token endpoint's ordered table for `grantType` as check names: the request checks every
 * grant runs first, then the grant's own checks, in the order they run (the first failing one
 * answers). Tests slice it ("every check before X") instead of keeping copies of the order.
 * Failures found while minting (e.g. `delegated-scp-present`) come after the table.
 * @example tokenCheckOrder('client_credentials')[0] // 'method-is-post'
 */
export function tokenCheckOrder(grantType: TokenGrantType): readonly CheckName[] {
  return [...REQUEST_CHECKS, ...GRANTS[grantType].checks].map((check) => check.name);
}

export type { EndpointResult } from '../../model/endpoint';

/** Reads `Authorization: Basic` (RFC 7617) with form-urlencoded id and secret (RFC 6749 section 2.3.1). */
export function readBasicCredentials(
  request: HttpRequest,
): { clientId: string; secret: string } | undefined {
  const header = getHeader(request.headers, 'Authorization');
  if (!header || !/^basic /i.test(header)) return undefined;
  try {
    const decoded = new TextDecoder().decode(fromBase64(header.slice(6).trim()));
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * Builds the platform's token-endpoint error body: `error`, `error_description` starting
 * `AADSTSnnnn:` with trace id, correlation id and timestamp, `error_codes`, `timestamp`,
 * `trace_id`, `correlation_id`, `error_uri`, and `suberror` / `claims` when the failure has them.
 * `invalid_client` answers 401, the rest 400 (RFC 6749 section 5.2); `headers` are added to the
 * response (e.g. `Allow`, `WWW-Authenticate`, see {@link errorHeaders}).
 */
export function buildErrorResponse(
  env: AuthorityEnv,
  failure: CheckFailure,
  correlationId: string,
  headers: Record<string, string> = {},
): HttpResponse {
  const entry = AADSTS[failure.code];
  const traceId = env.random.guid();
  const timestamp = formatAadTimestamp(env.clock.now);
  const message = fillTemplate(entry.message, failure.args ?? {});
  const body: Record<string, unknown> = {
    error: entry.error,
    error_description: `AADSTS${entry.code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [entry.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${entry.code}`,
  };
  if (failure.suberror) body.suberror = failure.suberror;
  if (failure.claims) body.claims = failure.claims;
  return jsonResponse(entry.status, body, headers);
}

/**
 * Headers an error response of the token endpoint must carry besides its body:
 * - 405: `Allow: POST` (RFC 9110 section 15.5.6: a 405 lists the methods the resource supports);
 * - 401 when the client tried HTTP Basic (an `Authorization: Basic` header, even an undecodable
 *   one): `WWW-Authenticate: Basic realm="login.microsoftonline.com"` (RFC 6749 section 5.2,
 *   RFC 7617 section 2). Clients that sent their credentials in the body get no challenge.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function errorHeaders(request: HttpRequest, status: number): Record<string, string> {
  if (status === 405) return { Allow: 'POST' };
  const authorization = getHeader(request.headers, 'Authorization') ?? '';
  if (status === 401 && /^basic(\s|$)/i.test(authorization.trim()))
    return { 'WWW-Authenticate': `Basic realm="${new URL(AUTHORITY_ORIGIN).host}"` };
  return {};
}

/**
 * Handles `POST /{tenant}/oauth2/v2.0/token` (`endpoint: 'v2'`) or `/{tenant}/oauth2/token` (`'v1'`).
 * Never throws: every failure is an OAuth error response.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export async function handleTokenRequest(
  env: AuthorityEnv,
  request: HttpRequest,
  endpoint: 'v1' | 'v2',
  tenantSegment: string,
): Promise<EndpointResult> {
  const url = new URL(request.url);
  const form = new Map<string, string>();
  for (const [key, value] of decodeForm(request.method === 'POST' ? request.body : undefined)) {
    if (!form.has(key)) form.set(key, value);
  }
  const basic = readBasicCredentials(request);
  const ctx: TokenContext = {
    env,
    request,
    url,
    endpoint,
    tenantSegment: safeDecodeURIComponent(tenantSegment),
    form,
    ...(basic ? { basic } : {}),
    oidcScopes: new Set(),
  };
  const correlationId =
    form.get('client-request-id') ?? url.searchParams.get('client-request-id') ?? env.random.guid();
  const endpointName = `token ${endpoint === 'v2' ? 'v2.0' : 'v1.0'}`;
  const passed: CheckName[] = [];
  const fail = (
    check: CheckName,
    failure: CheckFailure,
    rule?: string,
    source?: DocRef,
  ): EndpointResult => ({
    response: buildErrorResponse(
      env,
      failure,
      correlationId,
      errorHeaders(request, AADSTS[failure.code].status),
    ),
    failure: { code: failure.code, args: failure.args ?? {} },
    events: [
      {
        type: 'authority.checks',
        endpoint: endpointName,
        passed,
        failed: {
          check,
          code: failure.code,
          ...(rule ? { rule } : {}),
          ...(source ? { source } : {}),
        },
      },
    ],
  });

  const common = await runChecks(REQUEST_CHECKS, ctx);
  passed.push(...common.passed);
  if (common.failed) {
    const { check, failure, rule, source } = common.failed;
    return fail(check, failure, rule, source);
  }

  const grant = (GRANTS as Record<string, Grant>)[form.get('grant_type') ?? ''] as Grant;
  const specific = await runChecks(grant.checks, ctx);
  passed.push(...specific.passed);
  if (specific.failed) {
    const { check, failure, rule, source } = specific.failed;
    return fail(check, failure, rule, source);
  }

  const issued = await grant.issue(ctx);
  if ('failed' in issued)
    return fail(issued.failed.check, issued.failed.failure, issued.failed.rule);
  return {
    response: jsonResponse(200, issued.body),
    events: [{ type: 'authority.checks', endpoint: endpointName, passed }, ...issued.events],
  };
}
