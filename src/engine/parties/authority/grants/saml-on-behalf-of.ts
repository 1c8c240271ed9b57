// The SAML branch of On-Behalf-Of: the same checks, then a signed SAML assertion instead of a JWT.
import { toBase64Url } from '../../../crypto';
import type { TraceEvent } from '../../../model/trace';
import type { TokenContext } from '../checks/check';
import { resolvedContext } from '../checks/check';
import { mintRefreshToken } from '../tokens';
import { mintSamlAssertion, SAML2_TOKEN_TYPE } from '../saml-assertion';
import type { SamlTokenType } from '../saml-assertion';
import type { GrantIssue } from './grant';

/**
 * The entity ID behind a SAML resource identifier: `spn:testapp` names the entity ID `testapp`
 * (entity IDs without a URI scheme are addressed with the `spn:` prefix).
 */
export function entityIdOf(identifier: string): string {
  return identifier.replace(/^spn:/i, '');
}

/**
 * The `Recipient` of a SAML OBO assertion: the SAML application's first reply URL that has no
 * wildcard (the default reply URL plays no part); `undefined` when every reply URL is a wildcard.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export function samlRecipient(replyUrls: readonly string[]): string | undefined {
  return replyUrls.find((url) => !url.includes('*'));
}

/**
 * Issues the SAML answer of an OBO request with `requested_token_type`: a signed assertion for
 * the user of the incoming token, for the SAML application named by `scope`
 * (`<entity ID>/.default`), lifetime a random 60-90 minutes like access tokens. The body has
 * exactly the documented fields: `token_type` (`Bearer`), `scope`, `expires_in`, `ext_expires_in`
 * (integers, seconds), `expires_on` (epoch seconds as a string), `resource` (the entity ID),
 * `access_token` (the assertion XML, UTF-8, base64url), `issued_token_type` and `refresh_token`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#response-with-saml-assertion
 */
export async function issueSamlAssertion(
  ctx: TokenContext,
  tokenType: SamlTokenType,
): Promise<GrantIssue> {
  const { tenant, client, resource } = resolvedContext(ctx);
  const scopes = ctx.grantedScopes ?? [];
  const user = ctx.user;
  if (!user)
    return {
      failed: {
        check: 'assertion-is-delegated',
        failure: { code: 7000114, args: { clientId: client.appId } },
      },
    };
  const record = ctx.env.issued.get(String(ctx.assertion?.payload.uti ?? ''));
  const entityId = entityIdOf(resource.identifier);
  const assertion = await mintSamlAssertion(ctx.env, {
    tokenType,
    tenantId: tenant.id,
    user,
    app: resource.app,
    entityId,
    recipient: samlRecipient(resource.app.web.redirectUris),
    amr: record?.amr ?? ['pwd'],
    lifetimeSeconds: ctx.env.random.int(3600, 5400),
  });
  const refreshToken = mintRefreshToken(ctx.env, client.appId, user.id, scopes, {
    resourceAppId: resource.app.appId,
    amr: record?.amr ?? [],
  });
  const expiresIn = assertion.expiresAt - ctx.env.clock.now;
  const prefix = resource.identifier.replace(/\/$/, '');
  const events: TraceEvent[] = [
    {
      type: 'token.issued',
      tokenType: tokenType === SAML2_TOKEN_TYPE ? 'saml2' : 'saml1',
      version: null,
      audience: entityId,
      subject: 'user',
    },
    {
      type: 'token.issued',
      tokenType: 'refresh_token',
      version: null,
      audience: entityId,
      subject: 'user',
    },
  ];
  return {
    body: {
      token_type: 'Bearer',
      scope: scopes.map((s) => `${prefix}/${s}`).join(' '),
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      expires_on: String(assertion.expiresAt),
      resource: entityId,
      access_token: toBase64Url(assertion.xml),
      issued_token_type: tokenType,
      refresh_token: refreshToken,
    },
    events,
  };
}
