// The one table of documentation links that explanations, narration and error cards point at.

/** A link to the documentation that backs a statement. */
export interface DocRef {
  label: string;
  url: string;
}

/**
 * Every documentation link the engine and the scenarios cite, once: Microsoft identity platform
 * pages and the RFC sections behind them. Cite an entry (`docs: [DOCS.obo, DOCS.consent]`) instead
 * of writing its URL again, so a moved page is fixed in one place.
 */
export const DOCS = {
  errors: {
    label: 'Entra authentication and authorization error codes',
    url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  },
  cc: {
    label: 'OAuth 2.0 client credentials flow',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  },
  obo: {
    label: 'OAuth 2.0 On-Behalf-Of flow',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow',
  },
  authCode: {
    label: 'Authorization code flow',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
  },
  oidc: {
    label: 'OpenID Connect on the platform',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc',
  },
  idTokenClaims: {
    label: 'ID token claims',
    url: 'https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference',
  },
  refreshTokens: {
    label: 'Refresh tokens',
    url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens',
  },
  refreshTokenRevocation: {
    label: 'Refresh tokens: revocation',
    url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens#token-revocation',
  },
  replyUrl: {
    label: 'Redirect URI (reply URL) restrictions',
    url: 'https://learn.microsoft.com/entra/identity-platform/reply-url',
  },
  cert: {
    label: 'Certificate credentials',
    url: 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials',
  },
  scopes: {
    label: 'Scopes and permissions (.default)',
    url: 'https://learn.microsoft.com/entra/identity-platform/scopes-oidc',
  },
  consent: {
    label: 'Consent types',
    url: 'https://learn.microsoft.com/entra/identity-platform/consent-types-developer',
  },
  adminConsent: {
    label: 'Admin consent endpoint',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-admin-consent',
  },
  claims: {
    label: 'Claims challenges',
    url: 'https://learn.microsoft.com/entra/identity-platform/claims-challenge',
  },
  mfaPolicy: {
    label: 'Conditional Access: require multifactor authentication',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength',
  },
  accessTokenSignature: {
    label: 'Access tokens: validate the signature',
    url: 'https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-signature',
  },
  protectedApi: {
    label: 'Protected web API: verify scopes and app roles',
    url: 'https://learn.microsoft.com/entra/identity-platform/scenario-protected-web-api-verification-scope-app-roles',
  },
  rfc6749: {
    label: 'RFC 6749 section 5.2 (error response)',
    url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  },
  rfc6750Bearer: {
    label: 'RFC 6750 section 2.1',
    url: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1',
  },
  rfc6750Challenge: {
    label: 'RFC 6750 section 3 (WWW-Authenticate)',
    url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3',
  },
  rfc7517: {
    label: 'RFC 7517 (JSON Web Key Set)',
    url: 'https://www.rfc-editor.org/rfc/rfc7517#section-5',
  },
  openidDiscovery: {
    label: 'OpenID Connect Discovery 1.0 (jwks_uri)',
    url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata',
  },
  rfc7523: {
    label: 'RFC 7523 section 3 (JWT client authentication)',
    url: 'https://www.rfc-editor.org/rfc/rfc7523#section-3',
  },
  pkce: {
    label: 'RFC 7636: Proof Key for Code Exchange',
    url: 'https://www.rfc-editor.org/rfc/rfc7636',
  },
  implicit: {
    label: 'Implicit grant flow',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow',
  },
  oboSaml: {
    label: 'On-Behalf-Of flow: SAML assertions obtained with an OAuth 2.0 OBO flow',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow',
  },
  samlTokens: {
    label: 'SAML token claims reference',
    url: 'https://learn.microsoft.com/entra/identity-platform/reference-saml-tokens',
  },
  federationMetadata: {
    label: 'Federation metadata',
    url: 'https://learn.microsoft.com/entra/identity-platform/federation-metadata',
  },
  samlCore: {
    label: 'SAML 2.0 core: assertions, conditions and signatures (OASIS)',
    url: 'https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf',
  },
  samlProfiles: {
    label: 'SAML 2.0 profiles: bearer subject confirmation, Recipient (OASIS, section 4.1.4.3)',
    url: 'https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf',
  },
  oboLimitations: {
    label: 'On-Behalf-Of flow: client limitations',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations',
  },
  spaCode: {
    label: 'Authorization code flow: redirect URIs for single-page apps',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas',
  },
  webApiTrustedSubsystem: {
    label: 'Web API app type: application identity (trusted subsystem) or delegated user identity',
    url: 'https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/web-api',
  },
  customSigningKeys: {
    label: 'Access tokens: apps with custom signing keys (appid on the metadata URL)',
    url: 'https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-signature',
  },
  pkceVerifier: {
    label: 'RFC 7636 section 4.6',
    url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
  },
  multiTenant: {
    label: 'Convert an app to be multi-tenant',
    url: 'https://learn.microsoft.com/entra/identity-platform/howto-convert-app-to-be-multi-tenant',
  },
  appObjects: {
    label: 'Application and service principal objects',
    url: 'https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals',
  },
  serviceToService: {
    label: 'Service-to-service apps: multi-tenant applications',
    url: 'https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/service-to-service',
  },
  daemonApp: {
    label: 'Daemon apps that call web APIs',
    url: 'https://learn.microsoft.com/entra/identity-platform/scenario-daemon-acquire-token',
  },
  ccV1: {
    label: 'Client credentials with the v1.0 endpoint (resource)',
    url: 'https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/v1-oauth2-client-creds-grant-flow',
  },
  tokenCache: {
    label: 'MSAL: token cache and AcquireTokenForClient',
    url: 'https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/client-credential-flows',
  },
  tokenLifetimes: {
    label: 'Access tokens: token lifetime',
    url: 'https://learn.microsoft.com/entra/identity-platform/access-tokens#token-lifetime',
  },
} as const satisfies Record<string, DocRef>;

/** The name of a documentation link in {@link DOCS}. */
export type DocName = keyof typeof DOCS;
