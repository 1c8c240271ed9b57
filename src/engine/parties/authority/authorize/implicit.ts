// The implicit grant's access token: minted at the authorize endpoint for response_type token / id_token token.
import { findApplicationByResource, findServicePrincipal } from '../../../directory/directory';
import type { AppRegistration, User } from '../../../directory/model';
import type { TraceEvent } from '../../../model/trace';
import type { AuthorityEnv, AuthorizeFlow, CheckFailure } from '../checks/check';
import type { ConsentEvaluation } from '../consent';
import { delegatedTokenIssued } from '../grants/grant';
import { mintDelegatedAccessToken } from '../tokens';

/** The fragment parameters of an implicit access token, and its `token.issued` event. */
export interface ImplicitAccessToken {
  /** `access_token`, `token_type` (`Bearer`), `expires_in` (seconds, as a string) and `scope`. */
  params: Record<string, string>;
  event: TraceEvent;
}

/**
 * Mints the access token of an implicit-grant response (`response_type=token` or `id_token
 * token`) for the first resource the request named, with the scopes the consent evaluation
 * granted on it; `clientAuth` is `'0'`: nobody authenticated the client, the token went through
 * the browser. Returns the documented failure (AADSTS65001) when nothing was granted on that
 * resource, and `undefined` when the request named no resource (an implicit request for `openid`
 * only has no access token to give).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow#successful-response
 */
export async function mintImplicitAccessToken(
  env: AuthorityEnv,
  flow: AuthorizeFlow,
  client: AppRegistration,
  user: User,
  amr: string[],
  evaluation: ConsentEvaluation,
): Promise<ImplicitAccessToken | { failure: CheckFailure } | undefined> {
  const first = flow.resourceScopes[0];
  const resourceApp = first && findApplicationByResource(env.directory, first.resource);
  const clientSp = findServicePrincipal(env.directory, flow.tenantId, client.appId);
  if (!first || !resourceApp || !clientSp) return undefined;
  const scopes = evaluation.scopesByResource.get(resourceApp.appId) ?? [];
  const minted = await mintDelegatedAccessToken(env, {
    tenantId: flow.tenantId,
    resourceApp,
    resourceIdentifier: first.resource,
    client,
    clientSp,
    clientAuth: '0',
    user,
    scopes,
    amr,
  });
  if ('failure' in minted) return minted;
  const prefix = (resourceApp.identifierUris[0] ?? first.resource).replace(/\/$/, '');
  return {
    params: {
      access_token: minted.token,
      token_type: 'Bearer',
      expires_in: String(minted.expiresAt - minted.issuedAt),
      scope: scopes.map((s) => `${prefix}/${s}`).join(' '),
    },
    event: delegatedTokenIssued(minted, scopes),
  };
}
