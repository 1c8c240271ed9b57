// The authorization code grant: redeem a single-use code (with PKCE) for access, ID and refresh tokens.
import type { TraceEvent } from '../../../model/trace';
import { findUser } from '../../../directory/directory';
import type { TokenContext } from '../checks/check';
import {
  CODE_CLIENT_AUTH_CHECKS,
  codeClientMatches,
  codeNotExpired,
  codeNotRedeemed,
  codePresent,
  codeRedemptionOrigin,
  codeValid,
  pkceVerifier,
  redirectUriMatches,
  redirectUriPresent,
} from '../checks/code';
import { redeemedResourceConsented } from '../checks/target';
import { mintDelegatedAccessToken, mintIdToken, mintRefreshToken } from '../tokens';
import type { Grant, GrantIssue } from './grant';
import {
  clientInfoFor,
  DELEGATED_SCP_PRESENT_RULE,
  delegatedTokenIssued,
  refreshTokenIssued,
  tokenResponseBody,
} from './grant';

/**
 * Issues the tokens of a delegated sign-in for the resource the `resource-consented` check
 * resolved (`ctx.resource`, the first resource named in `scope`, or the grant's own) with the
 * scopes it granted (`ctx.grantedScopes`): an access token, an ID token when `openid` was asked
 * (no `c_hash` at /token), a refresh token with `offline_access` that remembers the resource, its
 * scopes and the user's `amr`. Without a resource (a sign-in for `openid` only) no access token.
 * Never mints a delegated token with an empty `scp` (AADSTS65001 comes back instead, through
 * {@link mintDelegatedAccessToken}). Shared by the code and refresh grants.
 */
export async function issueDelegatedTokens(
  ctx: TokenContext,
  facts: {
    userId: string;
    amr: string[];
    oidcScopes: string[];
    nonce?: string;
    sessionId?: string;
  },
): Promise<GrantIssue> {
  const { env, client, clientSp, tenant, resource } = ctx;
  if (!client || !clientSp || !tenant)
    throw new Error('Delegated tokens issued before the client was resolved.');
  const user = findUser(env.directory, facts.userId);
  if (!user) throw new Error(`User ${facts.userId} is not in the directory.`);
  const events: TraceEvent[] = [];
  const body: Record<string, unknown> = {};
  if (resource) {
    const scopes = ctx.grantedScopes ?? [];
    const minted = await mintDelegatedAccessToken(env, {
      tenantId: tenant.id,
      resourceApp: resource.app,
      resourceIdentifier: resource.identifier,
      client,
      clientSp,
      clientAuth: ctx.clientAuth ?? '0',
      user,
      scopes,
      amr: facts.amr,
    });
    if ('failure' in minted)
      return {
        failed: {
          check: 'delegated-scp-present',
          failure: minted.failure,
          rule: DELEGATED_SCP_PRESENT_RULE,
        },
      };
    const clientInfo = clientInfoFor(ctx, user.id, tenant.id);
    const refresh = facts.oidcScopes.includes('offline_access')
      ? mintRefreshToken(env, client.appId, user.id, scopes, {
          resourceAppId: resource.app.appId,
          amr: facts.amr,
        })
      : undefined;
    const prefix = (resource.app.identifierUris[0] ?? resource.identifier).replace(/\/$/, '');
    Object.assign(
      body,
      tokenResponseBody(ctx, minted, {
        scope: [...scopes.map((s) => `${prefix}/${s}`), ...facts.oidcScopes].join(' '),
        ...(refresh ? { refresh_token: refresh } : {}),
        ...(clientInfo ? { client_info: clientInfo } : {}),
      }),
    );
    events.push(delegatedTokenIssued(minted, scopes));
    if (refresh) events.push(refreshTokenIssued(minted));
  }
  if (facts.oidcScopes.includes('openid')) {
    body.id_token = await mintIdToken(env, {
      tenantId: tenant.id,
      client,
      user,
      endpoint: ctx.endpoint,
      amr: facts.amr,
      ...(facts.nonce ? { nonce: facts.nonce } : {}),
      ...(facts.sessionId ? { sessionId: facts.sessionId } : {}),
    });
  }
  return { body, events };
}

/**
 * `grant_type=authorization_code`: the code exists, is unused and unexpired, belongs to this
 * client, `redirect_uri` repeats the authorize request's, the PKCE verifier matches, a SPA code
 * comes cross-origin and a web code does not (checked before client authentication), and a
 * confidential (web) client authenticates, and the resource asked for is one the user consented to
 * (AADSTS65001 otherwise). The code is then spent.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const AUTHORIZATION_CODE_GRANT: Grant = {
  checks: [
    codePresent,
    redirectUriPresent,
    codeValid,
    codeRedemptionOrigin,
    ...CODE_CLIENT_AUTH_CHECKS,
    codeNotRedeemed,
    codeNotExpired,
    codeClientMatches,
    redirectUriMatches,
    pkceVerifier,
    redeemedResourceConsented,
  ],
  async issue(ctx) {
    const record = ctx.code;
    if (!record) throw new Error('Code grant issued without a code.');
    record.redeemed = true;
    if (record.flow.platform !== 'web') ctx.clientAuth = '0';
    return issueDelegatedTokens(ctx, {
      userId: record.userId,
      amr: record.amr,
      oidcScopes: record.flow.oidcScopes,
      sessionId: record.sessionId,
      ...(record.flow.nonce ? { nonce: record.flow.nonce } : {}),
    });
  },
};
