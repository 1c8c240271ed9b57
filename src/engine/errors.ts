// The AADSTS catalogue: every error the simulated authority can return, with its explanation.

/** A link to the documentation that backs a statement. */
export interface DocRef {
  label: string;
  url: string;
}

/** OAuth 2.0 `error` values the authority returns (RFC 6749 section 5.2 plus the platform's own). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'interaction_required'
  | 'unsupported_response_type'
  | 'consent_required'
  | 'login_required'
  | 'access_denied';

/** The AADSTS codes the simulator implements (closed list). */
export type AadstsCode =
  | 7000215
  | 7000218
  | 7000222
  | 700016
  | 90002
  | 50059
  | 50194
  | 700027
  | 700024
  | 700023
  | 50048
  | 50027
  | 1002012
  | 70011
  | 700022
  | 901002
  | 500011
  | 50105
  | 900144
  | 70003
  | 65001
  | 500131
  | 7000114
  | 500133
  | 50013
  | 240002
  | 50076
  | 50079
  | 500121
  | 90009
  | 9002313
  | 900561
  | 50011
  | 90102
  | 700054
  | 90094
  | 65004
  | 50058
  | 54005
  | 70008
  | 70000
  | 501481
  | 500112
  | 700082
  | 50173;

/** One catalogue entry: wire facts (`error`, HTTP status, message) and the teaching text. */
export interface AadstsEntry {
  code: AadstsCode;
  error: OAuthErrorCode;
  /** HTTP status of the token-endpoint response (`invalid_client` is 401, the rest 400). */
  status: 400 | 401 | 405;
  /** Where the authorize endpoint shows it: an error page (never a redirect), or a redirect. */
  presentation?: 'page' | 'redirect';
  /** Short name, e.g. "Invalid client secret". */
  title: string;
  /** The message after `AADSTSnnnn: `; `{name}` placeholders are filled from the failure's args. */
  message: string;
  /** Why this happened, in plain words. */
  why: string;
  /** How to fix it. */
  fix: string;
  docs: DocRef[];
}

const D = {
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
  claims: {
    label: 'Claims challenges',
    url: 'https://learn.microsoft.com/entra/identity-platform/claims-challenge',
  },
  rfc6749: {
    label: 'RFC 6749 section 5.2 (error response)',
    url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  },
  rfc7523: {
    label: 'RFC 7523 section 3 (JWT client authentication)',
    url: 'https://www.rfc-editor.org/rfc/rfc7523#section-3',
  },
} satisfies Record<string, DocRef>;

/** Documentation links shared by scenarios and narration. */
export const DOCS = D;

const entries: AadstsEntry[] = [
  {
    code: 7000215,
    error: 'invalid_client',
    status: 401,
    title: 'Invalid client secret',
    message:
      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{appId}'.",
    why: 'The client_secret sent does not match any secret registered on the app (passwordCredentials). A common cause is pasting the secret ID instead of its value.',
    fix: 'Send the secret value shown once when the secret was created, or create a new secret and update the app configuration.',
    docs: [D.errors, D.cc],
  },
  {
    code: 7000218,
    error: 'invalid_client',
    status: 401,
    title: 'No client credential',
    message:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    why: 'A confidential client must prove who it is on every token request, and this request carried neither a secret nor a signed client assertion.',
    fix: 'Add client_secret (or HTTP Basic authentication), or client_assertion with client_assertion_type.',
    docs: [D.errors, D.cc],
  },
  {
    code: 7000222,
    error: 'invalid_client',
    status: 401,
    title: 'Client secret expired',
    message: "The provided client secret keys for app '{appId}' are expired.",
    why: 'The secret matches, but its endDateTime has passed.',
    fix: 'Create a new client secret (or better, use a certificate) and roll it out before the old one expires.',
    docs: [D.errors],
  },
  {
    code: 700016,
    error: 'unauthorized_client',
    status: 400,
    title: 'Application not found in the directory',
    message:
      "Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
    why: 'The client_id is not registered, or the app has no service principal in this tenant.',
    fix: 'Check the client_id (Application (client) ID, not the object ID) and the tenant in the URL; for a multi-tenant app, have an admin consent in this tenant first.',
    docs: [D.errors],
  },
  {
    code: 90002,
    error: 'invalid_request',
    status: 400,
    title: 'Tenant not found',
    message:
      "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
    why: 'The {tenant} segment of the URL names no directory the authority knows.',
    fix: 'Use the tenant GUID or a verified domain of the tenant (e.g. contoso.onmicrosoft.com).',
    docs: [D.errors],
  },
  {
    code: 50059,
    error: 'invalid_request',
    status: 400,
    title: 'No tenant in the request',
    message:
      'No tenant-identifying information found in either the request or implied by any provided credentials.',
    why: 'The request went to /{tenant} = common or organizations, which name no tenant, and nothing in it implies one: {grantType} acts as an app in one tenant (there is no user whose sign-in would pick the tenant).',
    fix: 'Send app-only requests (client credentials, OBO) to the tenant-specific endpoint: https://login.microsoftonline.com/<tenant id or domain>/oauth2/v2.0/token.',
    docs: [D.errors, D.cc],
  },
  {
    code: 50194,
    error: 'invalid_request',
    status: 400,
    presentation: 'page',
    title: 'Single-tenant app on a multi-tenant endpoint',
    message:
      "Application '{appId}'({appName}) isn't configured as a multitenant application. Usage of the /common endpoint isn't supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multitenant.",
    why: "/common and /organizations let a user of any organization sign in, but {appName}'s signInAudience is AzureADMyOrg: only its home tenant's users may use it.",
    fix: 'Use the tenant-specific authority (https://login.microsoftonline.com/<tenant id>), or make the app multi-tenant (signInAudience AzureADMultipleOrgs).',
    docs: [D.errors],
  },
  {
    code: 700027,
    error: 'invalid_client',
    status: 401,
    title: 'Client assertion failed signature validation',
    message:
      "Client assertion failed signature validation. Trace: [Reason - {reason}, Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{appId}'.]",
    why: 'The client_assertion was signed with a key whose certificate is not registered on the app (keyCredentials), or its signature does not verify with that certificate.',
    fix: "Upload the certificate (public part) to the app registration and sign with its private key; the x5t#S256 (or x5t) header must be that certificate's thumbprint.",
    docs: [D.errors, D.cert],
  },
  {
    code: 700024,
    error: 'invalid_client',
    status: 401,
    title: 'Client assertion outside its validity window',
    message:
      'Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}.',
    why: "The assertion's nbf/exp window does not contain the authority's current time: it expired or was minted for the future (clock skew).",
    fix: "Mint a fresh assertion for each request (exp a few minutes ahead) and keep the client's clock in sync.",
    docs: [D.cert],
  },
  {
    code: 700023,
    error: 'invalid_client',
    status: 401,
    title: 'Client assertion audience is wrong',
    message:
      "Client assertion audience claim does not match Realm issuer. Review the documentation at https://aka.ms/certCreds. Audience found: '{aud}'.",
    why: "The assertion's aud must be exactly the token endpoint URL it is sent to.",
    fix: 'Set aud to the token endpoint of the tenant you call, e.g. https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token.',
    docs: [D.cert],
  },
  {
    code: 50048,
    error: 'invalid_client',
    status: 401,
    title: 'Assertion subject does not match issuer',
    message:
      'Subject mismatches Issuer claim in the client assertion. Subject: {sub}, Issuer: {iss}.',
    why: 'In a client assertion both iss and sub must be the client_id (RFC 7523 section 3).',
    fix: 'Set iss and sub to the application (client) ID.',
    docs: [D.cert, D.rfc7523],
  },
  {
    code: 50027,
    error: 'invalid_request',
    status: 400,
    title: 'Malformed JWT',
    message: 'JWT token is invalid or malformed. {detail}',
    why: 'The JWT could not be parsed, or lacks a required header or claim.',
    fix: 'Send a compact JWS (header.payload.signature) with the claims the flow requires.',
    docs: [D.cert, D.errors],
  },
  {
    code: 1002012,
    error: 'invalid_scope',
    status: 400,
    title: 'Client credentials need /.default',
    message:
      'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    why: 'An app acting as itself cannot ask for individual permissions: it gets whatever application permissions an admin granted, so the only valid scope is {resource}/.default.',
    fix: 'Request scope={resource}/.default (for example api://orders/.default).',
    docs: [D.cc, D.scopes],
  },
  {
    code: 70011,
    error: 'invalid_scope',
    status: 400,
    title: 'Invalid scope',
    message:
      "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.",
    why: 'The scope names a resource or a permission the directory does not know (no app with that App ID URI, or no such exposed scope).',
    fix: 'Use the App ID URI (or app id) of an API registered in the tenant, and a permission it exposes.',
    docs: [D.errors, D.scopes],
  },
  {
    code: 700022,
    error: 'invalid_scope',
    status: 400,
    title: 'Scopes for several resources',
    message:
      'The provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.',
    why: 'A token is for exactly one audience, so one token request may name scopes of one resource only.',
    fix: 'Make one token request per resource.',
    docs: [D.errors, D.cc],
  },
  {
    code: 901002,
    error: 'invalid_request',
    status: 400,
    title: "'resource' is not accepted on v2.0",
    message: "The 'resource' request parameter is not supported.",
    why: 'The v2.0 endpoint takes scope=..., not the v1 resource parameter.',
    fix: 'Send scope={resource}/.default to /oauth2/v2.0/token, or use the v1 endpoint /oauth2/token with resource.',
    docs: [D.errors],
  },
  {
    code: 500011,
    error: 'invalid_resource',
    status: 400,
    title: 'Resource not provisioned in the tenant',
    message:
      'The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
    why: 'The API is registered, but it has no service principal in this tenant, so nothing can be granted for it here.',
    fix: 'Have an administrator consent to the API (or create its service principal) in this tenant.',
    docs: [D.errors],
  },
  {
    code: 50105,
    error: 'invalid_grant',
    status: 400,
    title: 'Caller not assigned to a role',
    message:
      "Your administrator has configured the application {resourceName} ('{resourceAppId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user or application '{principal}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator.",
    why: 'The API requires assignment (appRoleAssignmentRequired) and the caller holds no app role on it.',
    fix: 'Grant the client an application permission of the API (admin consent), or turn off assignment required.',
    docs: [D.errors, D.cc],
  },
  {
    code: 900144,
    error: 'invalid_request',
    status: 400,
    title: 'Missing required parameter',
    message: "The request body must contain the following parameter: '{parameter}'.",
    why: 'A parameter this grant needs is missing from the form-encoded body (parameters in the query string do not count).',
    fix: "Send '{parameter}' in the application/x-www-form-urlencoded body of the POST.",
    docs: [D.errors, D.rfc6749],
  },
  {
    code: 70003,
    error: 'unsupported_grant_type',
    status: 400,
    title: 'Unsupported grant type',
    message: "The app requested an unsupported grant type '{grantType}'.",
    why: 'grant_type names no grant this endpoint supports.',
    fix: 'Use client_credentials, authorization_code, refresh_token, or urn:ietf:params:oauth:grant-type:jwt-bearer.',
    docs: [D.errors, D.rfc6749],
  },
  {
    code: 65001,
    error: 'invalid_grant',
    status: 400,
    title: 'Consent missing',
    message:
      "The user or administrator has not consented to use the application with ID '{clientId}' named '{clientName}'. Send an interactive authorization request for this user and resource.",
    why: 'No delegated permission grant (oAuth2PermissionGrant) lets {clientName} call {resourceName} with {scopes} for this user. In OBO nobody can be prompted, so the middle tier cannot obtain consent here.',
    fix: "Grant admin consent for {clientName} to {resourceName}, or list the client app in the middle tier's knownClientApplications so the user consents to both at sign-in with /.default, or pre-authorize the client.",
    docs: [D.obo, D.consent],
  },
  {
    code: 500131,
    error: 'invalid_grant',
    status: 400,
    title: 'Assertion audience does not match the client',
    message:
      "Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '{aud}' and the expected audience is '{expected}' or one of the Application Ids or Application ID URIs.",
    why: 'In OBO the incoming token must have been issued to the middle tier itself (its aud). This token was issued for another API, so the middle tier may not exchange it.',
    fix: 'Have the client request a token for the middle-tier API (scope api://middle-tier/...), and validate aud in the middle tier before doing OBO.',
    docs: [D.obo, D.errors],
  },
  {
    code: 7000114,
    error: 'unauthorized_client',
    status: 400,
    title: 'Application OBO not allowed',
    message: "Application '{clientId}' is not allowed to make application on-behalf-of calls.",
    why: "On-Behalf-Of exchanges a user's delegated token. This token is app-only (idtyp=app, roles and no scp): there is no user to act for.",
    fix: 'For app-only calls downstream, have the middle tier use the client credentials flow with its own identity instead of OBO.',
    docs: [D.obo, D.errors],
  },
  {
    code: 500133,
    error: 'invalid_grant',
    status: 400,
    title: 'Assertion expired',
    message:
      'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: {now}, expiry time of assertion {exp}.',
    why: 'The token sent as the OBO assertion has passed its exp. The API that received it may allow some clock skew; the token service does not.',
    fix: 'The client must send a fresh access token (MSAL acquireTokenSilent refreshes it), and the middle tier should answer 401 for expired tokens before trying OBO.',
    docs: [D.obo, D.errors],
  },
  {
    code: 50013,
    error: 'invalid_grant',
    status: 400,
    title: 'Assertion failed validation',
    message: 'Assertion failed signature validation. [Reason - {reason}]',
    why: 'The OBO assertion is not a token this authority signed (or it was altered).',
    fix: 'Send the access token exactly as issued by the tenant; tokens from another issuer cannot be exchanged.',
    docs: [D.obo, D.errors],
  },
  {
    code: 240002,
    error: 'invalid_grant',
    status: 400,
    title: 'ID token used as an assertion',
    message:
      "Input id_token cannot be used as 'urn:ietf:params:oauth:grant-type:jwt-bearer' grant.",
    why: 'OBO needs an access token issued to the middle tier; an ID token only proves sign-in to the client.',
    fix: 'Have the client call the middle tier with an access token for it.',
    docs: [D.obo, D.errors],
  },
  {
    code: 50076,
    error: 'invalid_grant',
    status: 400,
    title: 'MFA required (claims challenge)',
    message:
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resourceAppId}'.",
    why: 'A Conditional Access policy ({policy}) requires MFA for {resourceName}, and the incoming token shows only password sign-in (amr has no mfa). The middle tier cannot prompt the user, so it must pass the claims challenge back to the client.',
    fix: 'The middle tier answers its caller 401 with WWW-Authenticate: Bearer error="insufficient_claims", claims="..."; the client signs the user in again with those claims (MFA) and retries.',
    docs: [D.obo, D.claims],
  },
  {
    code: 500121,
    error: 'access_denied',
    status: 400,
    presentation: 'page',
    title: 'MFA denied: strong authentication failed',
    message: 'Authentication failed during strong authentication request.',
    why: "{userName} denied (or did not complete) the second factor that a Conditional Access policy required. The sign-in stops on the authority's page: no code, no token, and the app is never called back.",
    fix: 'The user tries again and approves the MFA request (or uses another registered method); if they did not start this sign-in, they should report it, since a password alone was not enough to get in.',
    docs: [
      D.errors,
      {
        label: 'Conditional Access: require multifactor authentication',
        url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength',
      },
    ],
  },
  {
    code: 50079,
    error: 'interaction_required',
    status: 400,
    title: 'MFA registration required (claims challenge)',
    message:
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multifactor authentication to access '{resourceAppId}'.",
    why: "A Conditional Access policy ({policy}) requires MFA for {resourceName}, and the user has no MFA method registered yet (the OBO doc's error example is this enrolment case). The middle tier cannot show the registration pages, so it must pass the claims challenge back to the client.",
    fix: 'The middle tier answers its caller 401 with WWW-Authenticate: Bearer error="insufficient_claims", claims="..."; the client signs the user in again with those claims, the user registers a method (security info) and does MFA, and the client retries.',
    docs: [D.obo, D.claims, D.errors],
  },
  {
    code: 90009,
    error: 'invalid_request',
    status: 400,
    title: 'Token for itself by App ID URI',
    message:
      "Application '{appId}'({appName}) is requesting a token for itself. This scenario is supported only if resource is specified using the GUID based App Identifier.",
    why: 'An app asked for a token whose audience is itself, naming itself by App ID URI.',
    fix: 'Name the resource by its application (client) ID GUID, or request a token for the real downstream API.',
    docs: [D.errors],
  },
  {
    code: 9002313,
    error: 'invalid_request',
    status: 400,
    title: 'Malformed request',
    message: 'Invalid request. Request is malformed or invalid. {detail}',
    why: 'The request is not a well-formed token request ({detail}).',
    fix: 'POST an application/x-www-form-urlencoded body with one client authentication method.',
    docs: [D.errors, D.rfc6749],
  },
  {
    code: 900561,
    error: 'invalid_request',
    status: 405,
    title: 'Token endpoint only accepts POST',
    message: 'The endpoint only accepts POST, OPTIONS requests. Received a {method} request.',
    why: 'Token requests carry secrets, so they are POSTed in the body, never sent as a GET.',
    fix: 'POST the parameters as application/x-www-form-urlencoded.',
    docs: [D.errors, D.rfc6749],
  },
  {
    code: 50011,
    error: 'invalid_request',
    status: 400,
    presentation: 'page',
    title: 'Redirect URI not registered',
    message:
      "The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.",
    why: "The authority only sends codes and tokens to addresses registered on the app. An unregistered redirect_uri could be an attacker's site, so the platform shows an error page and never redirects there.",
    fix: 'Register the exact URI (scheme, host, path; case-sensitive path) under the right platform (web, spa, publicClient), or fix the URI the app sends.',
    docs: [
      {
        label: 'Redirect URI (reply URL) restrictions',
        url: 'https://learn.microsoft.com/entra/identity-platform/reply-url',
      },
      D.errors,
    ],
  },
  {
    code: 90102,
    error: 'invalid_request',
    status: 400,
    presentation: 'page',
    title: 'redirect_uri is not an absolute URI',
    message: "'redirect_uri' value must be a valid absolute URI.",
    why: 'Redirect URIs are compared as absolute URIs; a relative or malformed value cannot be matched.',
    fix: 'Send the full https URI registered on the app.',
    docs: [
      {
        label: 'Redirect URI (reply URL) restrictions',
        url: 'https://learn.microsoft.com/entra/identity-platform/reply-url',
      },
    ],
  },
  {
    code: 700054,
    error: 'unsupported_response_type',
    status: 400,
    presentation: 'redirect',
    title: 'ID token not enabled for the app',
    message: "response_type 'id_token' is not enabled for the application.",
    why: 'Returning an ID token from the authorize endpoint (id_token or code id_token) must be switched on in the registration (web.implicitGrantSettings.enableIdTokenIssuance).',
    fix: 'Enable ID tokens for the web platform, or ask for response_type=code and get the ID token from the token endpoint.',
    docs: [
      {
        label: 'OpenID Connect on the platform',
        url: 'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc',
      },
    ],
  },
  {
    code: 90094,
    error: 'access_denied',
    status: 400,
    presentation: 'page',
    title: 'Admin approval required',
    message: 'The grant requires admin permission.',
    why: '{scopes} can only be granted by an administrator (its permission type is Admin), and the signed-in user is not one.',
    fix: 'An administrator grants tenant-wide consent (Enterprise applications > Permissions > Grant admin consent, or the /adminconsent endpoint), after which users sign in without a prompt.',
    docs: [
      D.consent,
      {
        label: 'Admin consent endpoint',
        url: 'https://learn.microsoft.com/entra/identity-platform/v2-admin-consent',
      },
    ],
  },
  {
    code: 65004,
    error: 'consent_required',
    status: 400,
    presentation: 'redirect',
    title: 'User declined consent',
    message: 'User declined to consent to access the app.',
    why: 'The person clicked Cancel on the consent prompt, so the authority returned an error to the app instead of a code.',
    fix: 'The app should explain why it needs the permissions and let the user try again; or an admin consents for the organization.',
    docs: [D.consent],
  },
  {
    code: 50058,
    error: 'login_required',
    status: 400,
    presentation: 'redirect',
    title: 'No signed-in session (prompt=none)',
    message: 'A silent sign-in request was sent but no user is signed in.',
    why: 'prompt=none forbids any UI, and the browser has no session with the authority.',
    fix: 'Retry interactively (without prompt=none).',
    docs: [D.errors],
  },
  {
    code: 54005,
    error: 'invalid_grant',
    status: 400,
    title: 'Authorization code already redeemed',
    message:
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    why: 'An authorization code is single use (RFC 6749 section 4.1.2). A second redemption means a bug, or a code stolen and replayed.',
    fix: 'Redeem each code once and keep the refresh token for later tokens.',
    docs: [
      {
        label: 'Authorization code flow',
        url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
      },
      D.errors,
    ],
  },
  {
    code: 70008,
    error: 'invalid_grant',
    status: 400,
    title: 'Expired grant',
    message:
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    why: 'Authorization codes live about 10 minutes; this one is older.',
    fix: 'Redeem codes right away; start a new sign-in.',
    docs: [D.errors],
  },
  {
    code: 70000,
    error: 'invalid_grant',
    status: 400,
    title: 'Invalid grant',
    message: 'The provided value for the input parameter is not valid. {detail}',
    why: 'The code or refresh token is unknown, malformed, or was issued to another client.',
    fix: 'Send the code or refresh token exactly as received, from the client it was issued to.',
    docs: [D.errors],
  },
  {
    code: 501481,
    error: 'invalid_grant',
    status: 400,
    title: 'PKCE verifier does not match',
    message:
      "The Code_Verifier doesn't match the code_challenge supplied in the authorization request.",
    why: 'The code was requested with code_challenge = BASE64URL(SHA256(verifier)); the verifier sent now hashes to something else, so whoever redeems it is not who started the sign-in (RFC 7636 section 4.6).',
    fix: 'Keep the verifier generated for this sign-in (per browser session) and send it unchanged.',
    docs: [
      { label: 'RFC 7636 section 4.6', url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6' },
      D.errors,
    ],
  },
  {
    code: 500112,
    error: 'invalid_client',
    status: 401,
    title: 'redirect_uri differs from the authorize request',
    message:
      "The reply address '{tokenRedirectUri}' does not match the reply address '{authorizeRedirectUri}' provided when requesting Authorization code.",
    why: 'RFC 6749 section 4.1.3: the token request must repeat the exact redirect_uri of the authorize request.',
    fix: 'Send the same redirect_uri in both requests.',
    docs: [D.errors],
  },
  {
    code: 700082,
    error: 'invalid_grant',
    status: 400,
    title: 'Refresh token expired',
    message:
      'The refresh token has expired due to inactivity. The token was issued on {issued} and was inactive for 90.00:00:00.',
    why: 'A refresh token not used for 90 days expires; the user must sign in again.',
    fix: 'Handle invalid_grant by starting an interactive sign-in (MSAL raises InteractionRequiredAuthError).',
    docs: [
      {
        label: 'Refresh tokens',
        url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens',
      },
      D.errors,
    ],
  },
  {
    code: 50173,
    error: 'invalid_grant',
    status: 400,
    title: 'Refresh token revoked',
    message:
      "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validFrom}'.",
    why: "The user's sessions were revoked (an admin clicked Revoke sessions, or the password was reset) after this refresh token was issued, so it no longer works.",
    fix: 'Sign the user in again interactively (MSAL raises InteractionRequiredAuthError).',
    docs: [
      {
        label: 'Refresh tokens: revocation',
        url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens#token-revocation',
      },
      D.errors,
    ],
  },
];

/** The catalogue keyed by code. */
export const AADSTS: Readonly<Record<AadstsCode, AadstsEntry>> = Object.fromEntries(
  entries.map((e) => [e.code, e]),
) as Record<AadstsCode, AadstsEntry>;

/** Fills `{name}` placeholders of a catalogue text; unknown placeholders stay as written. */
export function fillTemplate(template: string, args: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}

/** The "why / how to fix" card of an AADSTS code, placeholders filled from `args`. */
export interface AadstsCard {
  code: AadstsCode;
  error: OAuthErrorCode;
  title: string;
  why: string;
  fix: string;
  docs: DocRef[];
}

/**
 * The catalogue card for `code` with `why` and `fix` filled from `args` (unknown placeholders stay
 * as written); `undefined` when `code` is not in the catalogue.
 */
export function cardForCode(
  code: number | undefined,
  args: Record<string, string | undefined> = {},
): AadstsCard | undefined {
  const entry = code === undefined ? undefined : AADSTS[code as AadstsCode];
  if (!entry) return undefined;
  return {
    code: entry.code,
    error: entry.error,
    title: entry.title,
    why: fillTemplate(entry.why, args),
    fix: fillTemplate(entry.fix, args),
    docs: entry.docs,
  };
}
