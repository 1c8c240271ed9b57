// The On-Behalf-Of grant: a middle tier exchanges the user's token for one to a downstream API.
import type { TraceEvent } from '../../../model/trace';
import { ASSERTION_CHECKS, conditionalAccess, delegatedConsent } from '../checks/assertion';
import { CLIENT_AUTH_CHECKS } from '../checks/client-auth';
import { scopesExposed, TARGET_CHECKS } from '../checks/target';
import { requestedSamlType, requestedTokenType, samlScopeIsDefault } from '../checks/saml';
import { issueSamlAssertion } from './saml-on-behalf-of';
import type { TokenContext } from '../checks/check';
import { resolvedContext } from '../checks/check';
import {
  customSigningKeyOf,
  mintDelegatedAccessToken,
  mintIdToken,
  mintRefreshToken,
} from '../tokens';
import type { Grant } from './grant';
import {
  clientInfoFor,
  DELEGATED_SCP_PRESENT_RULE,
  delegatedTokenIssued,
  refreshTokenIssued,
  tokenResponseBody,
} from './grant';

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with `requested_token_use=on_behalf_of`:
 * client authentication, assertion checks (signature, expiry, audience, delegated), target,
 * consent and Conditional Access; then a delegated token with the granted scopes, never the
 * middle tier's application roles (the user's own app roles on the downstream API do appear in
 * `roles`: roles stay attached to the user), and a refresh token when `offline_access` was asked (v1 always returns one); that refresh
 * token remembers the downstream resource, its scopes and the user's `amr`, so the middle tier can
 * refresh token B (`grant_type=refresh_token`, `scope` optional). With `requested_token_type`
 * (`...:saml2` / `...:saml1`) the same checks run, then the answer is a signed SAML assertion
 * (see `issueSamlAssertion`). On the v1.0
 * endpoint, `scope=openid` also returns a v1.0 `id_token` about the user for the middle tier, as
 * the v1 OBO doc's response table and example show. A middle tier with a custom signing key
 * (`keyCredentials` usage `Sign`) gets token B signed with that key, which the downstream API
 * cannot validate (the OBO doc's client limitations).
 * @see https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/active-directory/azuread-dev/v1-oauth2-on-behalf-of-flow.md
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export const ON_BEHALF_OF_GRANT: Grant = {
  checks: [
    ...CLIENT_AUTH_CHECKS,
    ...ASSERTION_CHECKS,
    requestedTokenType,
    ...TARGET_CHECKS,
    samlScopeIsDefault,
    scopesExposed,
    delegatedConsent,
    conditionalAccess,
  ],
  async issue(ctx: TokenContext) {
    const samlType = requestedSamlType(ctx);
    if (samlType) return issueSamlAssertion(ctx, samlType);
    const { tenant, client, clientSp, resource } = resolvedContext(ctx);
    const scopes = ctx.grantedScopes ?? [];
    const customKey = customSigningKeyOf(client);
    const userId = String(ctx.assertion?.payload.oid ?? '');
    const record = ctx.env.issued.get(String(ctx.assertion?.payload.uti ?? ''));
    const user = ctx.user ?? {
      id: userId,
      tenantId: tenant.id,
      displayName: String(ctx.assertion?.payload.name ?? ''),
      userPrincipalName: String(
        ctx.assertion?.payload.preferred_username ?? ctx.assertion?.payload.upn ?? '',
      ),
      isAdmin: false,
    };
    const minted = await mintDelegatedAccessToken(ctx.env, {
      tenantId: tenant.id,
      resourceApp: resource.app,
      resourceIdentifier: resource.identifier,
      client: client,
      clientSp: clientSp,
      clientAuth: ctx.clientAuth ?? '1',
      user,
      scopes,
      amr: record?.amr ?? [],
      // A middle tier with a custom signing key gets tokens signed with that key (OBO doc, client
      // limitations): the downstream API cannot validate them against the tenant's keys.
      ...(customKey ? { signingKey: customKey } : {}),
    });
    if ('failure' in minted)
      return {
        failed: {
          check: 'delegated-scp-present',
          failure: minted.failure,
          rule: DELEGATED_SCP_PRESENT_RULE,
        },
      };
    const wantsRefresh = ctx.endpoint === 'v1' || ctx.oidcScopes.has('offline_access');
    const refreshToken = wantsRefresh
      ? mintRefreshToken(ctx.env, client.appId, userId, scopes, {
          resourceAppId: resource.app.appId,
          amr: record?.amr ?? [],
        })
      : undefined;
    const clientInfo = clientInfoFor(ctx, userId, tenant.id);
    const v1Scopes = (ctx.form.get('scope') ?? '').split(' ');
    const idToken =
      ctx.endpoint === 'v1' && v1Scopes.includes('openid') && ctx.user
        ? await mintIdToken(ctx.env, {
            tenantId: tenant.id,
            client,
            user: ctx.user,
            endpoint: 'v1',
            amr: record?.amr ?? ['pwd'],
          })
        : undefined;
    const prefix = resource.identifier.replace(/\/$/, '');
    const scopeString = scopes.map((s) => (ctx.endpoint === 'v2' ? `${prefix}/${s}` : s)).join(' ');
    const events: TraceEvent[] = [delegatedTokenIssued(minted, scopes)];
    if (refreshToken) events.push(refreshTokenIssued(minted));
    return {
      body: tokenResponseBody(ctx, minted, {
        scope: scopeString,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        ...(idToken ? { id_token: idToken } : {}),
        ...(clientInfo ? { client_info: clientInfo } : {}),
      }),
      events,
    };
  },
};
