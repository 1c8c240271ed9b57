// The authorization code grant: redeem a single-use code (with PKCE) for access, ID and refresh tokens.
import type { TraceEvent } from '../../../core/trace';
import { findApplication, findServicePrincipal, findUser } from '../../../directory/directory';
import type { TokenContext } from '../checks/check';
import {
  CODE_CLIENT_AUTH_CHECKS,
  codeClientMatches,
  codeNotExpired,
  codeNotRedeemed,
  codePresent,
  codeValid,
  pkceVerifier,
  redirectUriMatches,
  redirectUriPresent,
} from '../checks/code';
import { mintAccessToken, mintIdToken, mintRefreshToken } from '../tokens';
import type { Grant } from './grant';
import { clientInfoFor, tokenResponseBody } from './grant';

/**
 * Issues the tokens of a delegated sign-in for the resource the client names in `scope` (or the
 * first resource of the authorize request): an access token with the consented scopes, an
 * ID token when `openid` was asked (no `c_hash` at /token), a refresh token with `offline_access`.
 * Shared by the code and refresh grants.
 */
export async function issueDelegatedTokens(
  ctx: TokenContext,
  facts: {
    userId: string;
    amr: string[];
    scopesByResource: Record<string, string[]>;
    oidcScopes: string[];
    nonce?: string;
    sessionId?: string;
  },
): Promise<{ body: Record<string, unknown>; events: TraceEvent[] }> {
  const { env, client, clientSp, tenant } = ctx;
  if (!client || !clientSp || !tenant)
    throw new Error('Delegated tokens issued before the client was resolved.');
  const user = findUser(env.directory, facts.userId);
  if (!user) throw new Error(`User ${facts.userId} is not in the directory.`);
  const requested = (ctx.form.get('scope') ?? '').split(' ').filter(Boolean);
  const wantedResource = requested
    .map((s) => s.slice(0, Math.max(0, s.lastIndexOf('/'))))
    .map((r) =>
      env.directory.applications.find(
        (a) => a.appId === r || a.identifierUris.some((u) => u.toLowerCase() === r.toLowerCase()),
      ),
    )
    .find(Boolean);
  const resourceAppId = wantedResource?.appId ?? Object.keys(facts.scopesByResource)[0];
  const resourceApp = resourceAppId ? findApplication(env.directory, resourceAppId) : undefined;
  const events: TraceEvent[] = [];
  const body: Record<string, unknown> = {};
  const scopes = resourceAppId ? (facts.scopesByResource[resourceAppId] ?? []) : [];
  if (resourceApp && findServicePrincipal(env.directory, tenant.id, resourceApp.appId)) {
    const identifier = resourceApp.identifierUris[0] ?? resourceApp.appId;
    const minted = await mintAccessToken(env, {
      tenantId: tenant.id,
      resourceApp,
      resourceIdentifier: identifier,
      client,
      clientSp,
      clientAuth: ctx.clientAuth ?? '0',
      user,
      scopes,
      amr: facts.amr,
    });
    const clientInfo = clientInfoFor(ctx, user.id, tenant.id);
    const refresh = facts.oidcScopes.includes('offline_access')
      ? mintRefreshToken(env, client.appId, user.id, scopes, {
          resourceAppId: resourceApp.appId,
          amr: facts.amr,
        })
      : undefined;
    Object.assign(
      body,
      tokenResponseBody(ctx, minted, {
        scope: [
          ...scopes.map((s) => `${identifier.replace(/\/$/, '')}/${s}`),
          ...facts.oidcScopes,
        ].join(' '),
        ...(refresh ? { refresh_token: refresh } : {}),
        ...(clientInfo ? { client_info: clientInfo } : {}),
      }),
    );
    events.push({
      type: 'token.issued',
      tokenType: 'access_token',
      version: minted.version,
      audience: String(minted.payload.aud),
      subject: 'user',
      scp: scopes.join(' '),
    });
    if (refresh)
      events.push({
        type: 'token.issued',
        tokenType: 'refresh_token',
        version: null,
        audience: String(minted.payload.aud),
        subject: 'user',
      });
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
 * client, `redirect_uri` repeats the authorize request's, the PKCE verifier matches, and a
 * confidential (web) client authenticates. The code is then spent.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const AUTHORIZATION_CODE_GRANT: Grant = {
  checks: [
    codePresent,
    redirectUriPresent,
    codeValid,
    ...CODE_CLIENT_AUTH_CHECKS,
    codeNotRedeemed,
    codeNotExpired,
    codeClientMatches,
    redirectUriMatches,
    pkceVerifier,
  ],
  async issue(ctx) {
    const record = ctx.code;
    if (!record) throw new Error('Code grant issued without a code.');
    record.redeemed = true;
    if (record.flow.platform !== 'web') ctx.clientAuth = '0';
    return issueDelegatedTokens(ctx, {
      userId: record.userId,
      amr: record.amr,
      scopesByResource: record.scopesByResource,
      oidcScopes: record.flow.oidcScopes,
      sessionId: record.sessionId,
      ...(record.flow.nonce ? { nonce: record.flow.nonce } : {}),
    });
  },
};
