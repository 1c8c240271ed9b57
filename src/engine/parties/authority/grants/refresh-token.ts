// The refresh token grant: a new access token (and a new refresh token) without the user.
import { findApplication } from '../../../directory/directory';
import { CLIENT_AUTH_CHECKS } from '../checks/client-auth';
import {
  refreshConsentStillGranted,
  refreshTokenNotExpired,
  refreshTokenNotRevoked,
  refreshTokenPresent,
  refreshTokenValid,
} from '../checks/code';
import type { Check } from '../checks/check';
import { redeemedResourceConsented } from '../checks/target';
import { issueDelegatedTokens } from './authorization-code';
import type { Grant } from './grant';

/** Confidential clients (apps with a secret or certificate) authenticate; public clients do not. */
const REFRESH_CLIENT_AUTH_CHECKS: readonly Check[] = CLIENT_AUTH_CHECKS.map((check) => ({
  ...check,
  run: (ctx) => {
    const app = ctx.clientId ? findApplication(ctx.env.directory, ctx.clientId) : undefined;
    const confidential = Boolean(
      app && (app.passwordCredentials.length > 0 || app.keyCredentials.length > 0),
    );
    return confidential ? check.run(ctx) : undefined;
  },
}));

/**
 * `grant_type=refresh_token`: the token is known, belongs to the client, was used in the last 90
 * days, and its consent still stands; a new access token and a new refresh token are issued
 * (the old one is not revoked). `scope` is optional: without it the token is for the grant's own
 * resource and scopes; with it, for the first resource named, which may be any resource the user
 * consented to for this client (AADSTS65001 otherwise).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
 */
export const REFRESH_TOKEN_GRANT: Grant = {
  checks: [
    refreshTokenPresent,
    ...REFRESH_CLIENT_AUTH_CHECKS,
    refreshTokenValid,
    refreshTokenNotExpired,
    refreshTokenNotRevoked,
    refreshConsentStillGranted,
    redeemedResourceConsented,
  ],
  async issue(ctx) {
    const refresh = ctx.refresh;
    if (!refresh) throw new Error('Refresh grant issued without a refresh token.');
    refresh.record.lastUsedAt = ctx.env.clock.now;
    return issueDelegatedTokens(ctx, {
      userId: refresh.record.userId,
      amr: refresh.record.amr ?? ['pwd'],
      oidcScopes: ['openid', 'profile', 'offline_access'].filter(
        (s) => s !== 'openid' || (ctx.form.get('scope') ?? '').includes('openid'),
      ),
    });
  },
};
