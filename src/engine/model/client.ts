// Client settings of the scenario model: the token cache and a multi-tenant client's sign-up page.
import type { EndpointVersion } from './scenario';

/**
 * How a client keeps access tokens between calls, as MSAL does: a token is reused until
 * `refreshBeforeExpirySeconds` before its `exp` (MSAL: 300 s), keyed by (client, tenant, scope or
 * resource); a cache hit sends nothing to the authority and records a `token.cache` event.
 * @see https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/client-credential-flows
 */
export interface TokenCacheSettings {
  refreshBeforeExpirySeconds: number;
}

/**
 * A multi-tenant client's sign-up (connect) page: `GET {baseUrl}/connect` sends the browser to
 * the admin consent endpoint of `tenant` (`/{tenant}/v2.0/adminconsent`, or v1
 * `/{tenant}/adminconsent`) with `client_id`, `redirect_uri` = `baseUrl + redirectPath`, `state`
 * and, for v2, `scope`; the redirect back (`admin_consent=True&tenant=...&state=...`) makes the
 * client run its program in the returned tenant.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 */
export interface ClientSignUp {
  /** Base URL of the client's web front, e.g. `https://inventory.contoso.example`. */
  baseUrl: string;
  redirectPath: string;
  /** The `{tenant}` segment the connect page sends the admin to (GUID, domain or `organizations`). */
  tenant: string;
  endpoint: EndpointVersion;
  /** v2: e.g. `https://graph.microsoft.com/.default`. */
  scope?: string;
}
