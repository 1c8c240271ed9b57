// A grant type: its ordered checks and how it issues tokens once they pass.
import type { TraceEvent } from '../../../model/trace';
import { toBase64Url } from '../../../crypto';
import type { Check, CheckFailure, CheckName, TokenContext } from '../checks/check';

/**
 * What a grant's `issue` produces: the success body and its events, or a documented failure when
 * an invariant of minting does not hold (e.g. a delegated token would carry an empty `scp`).
 */
export type GrantIssue =
  | { body: Record<string, unknown>; events: TraceEvent[] }
  | { failed: { check: CheckName; failure: CheckFailure; rule?: string } };

/** The rule behind the `delegated-scp-present` invariant of minting a delegated token. */
export const DELEGATED_SCP_PRESENT_RULE =
  'A delegated access token carries at least one granted scope in scp; with none consented, the user or an admin must consent first.';

/** A token-endpoint grant (RFC 6749 section 4): checks run in order, then `issue`. */
export interface Grant {
  checks: readonly Check[];
  /** Builds the success body (or an invariant's failure); called only after every check passed. */
  issue(ctx: TokenContext): Promise<GrantIssue>;
}

/** What the `token.issued` events read of a minted access token. */
type MintedForEvents = { version: '1.0' | '2.0'; payload: { aud?: unknown } };

/**
 * The `token.issued` event of a delegated access token: its audience, the user, and `scopes` as
 * its `scp`. Shared by every grant that issues one (authorization code, OBO, and the implicit
 * grant at the authorize endpoint).
 */
export function delegatedTokenIssued(
  minted: MintedForEvents,
  scopes: readonly string[],
): TraceEvent {
  return {
    type: 'token.issued',
    tokenType: 'access_token',
    version: minted.version,
    audience: String(minted.payload.aud),
    subject: 'user',
    scp: scopes.join(' '),
  };
}

/** The `token.issued` event of the refresh token issued beside the delegated access token `minted`. */
export function refreshTokenIssued(minted: MintedForEvents): TraceEvent {
  return {
    type: 'token.issued',
    tokenType: 'refresh_token',
    version: null,
    audience: String(minted.payload.aud),
    subject: 'user',
  };
}

/**
 * The success body shape per endpoint: v2.0 numbers are integers; the v1.0 endpoint sends
 * numbers as strings and adds `expires_on`, `not_before` and `resource` (v1 client credentials doc),
 * and `id_token` when the grant issued one (v1 OBO with `scope=openid`, as the v1 OBO doc's example).
 */
export function tokenResponseBody(
  ctx: TokenContext,
  minted: { token: string; issuedAt: number; expiresAt: number },
  extra: { scope?: string; refresh_token?: string; id_token?: string; client_info?: string },
): Record<string, unknown> {
  const expiresIn = minted.expiresAt - ctx.env.clock.now;
  const clientInfo = extra.client_info ? { client_info: extra.client_info } : {};
  const idToken = extra.id_token ? { id_token: extra.id_token } : {};
  if (ctx.endpoint === 'v2') {
    return {
      token_type: 'Bearer',
      ...(extra.scope ? { scope: extra.scope } : {}),
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: minted.token,
      ...idToken,
      ...(extra.refresh_token ? { refresh_token: extra.refresh_token } : {}),
      ...clientInfo,
    };
  }
  return {
    token_type: 'Bearer',
    ...(extra.scope ? { scope: extra.scope } : {}),
    expires_in: String(expiresIn),
    ext_expires_in: String(expiresIn),
    expires_on: String(minted.expiresAt),
    not_before: String(minted.issuedAt),
    resource: ctx.resource?.identifier ?? '',
    access_token: minted.token,
    ...idToken,
    ...(extra.refresh_token ? { refresh_token: extra.refresh_token } : {}),
    ...clientInfo,
  };
}

/**
 * `client_info` for user tokens when the request sent `client_info=1` (MSAL does): base64url of
 * `{"uid": <user oid>, "utid": <tenant id>}`, from which MSAL builds its account id.
 */
export function clientInfoFor(
  ctx: TokenContext,
  userId: string,
  tenantId: string,
): string | undefined {
  if (ctx.form.get('client_info') !== '1') return undefined;
  return toBase64Url(JSON.stringify({ uid: userId, utid: tenantId }));
}
