// AADSTS entries of the grants: On-Behalf-Of assertions and claims challenges, codes, PKCE and refresh tokens.
import { DOCS as D } from './docs';
import type { AadstsEntry } from './aadsts';

/** Grants: the OBO assertion and its claims challenges, authorization codes with PKCE, refresh tokens. */
export const GRANT_ENTRIES = [
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
    code: 54005,
    error: 'invalid_grant',
    status: 400,
    title: 'Authorization code already redeemed',
    message:
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    why: 'An authorization code is single use (RFC 6749 section 4.1.2). A second redemption means a bug, or a code stolen and replayed.',
    fix: 'Redeem each code once and keep the refresh token for later tokens.',
    docs: [D.authCode, D.errors],
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
    code: 9002327,
    error: 'invalid_request',
    status: 400,
    title: 'SPA code redeemed without a cross-origin request',
    message:
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    why: "The code was issued to a redirect URI registered under the spa platform, so only the single-page app's JavaScript may redeem it, from the browser: the request must carry an Origin header (CORS). This one came without Origin, like a server's.",
    fix: 'Redeem SPA codes in the browser (MSAL.js does), or register the redirect URI under the web platform for a confidential back end.',
    docs: [D.spaCode, D.errors],
  },
  {
    code: 9002326,
    error: 'invalid_request',
    status: 400,
    title: 'Cross-origin redemption of a web code',
    message:
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
    why: 'The request came from a browser page (it carries an Origin header), but the code was issued to a redirect URI registered under the web platform, whose codes only a confidential back end may redeem.',
    fix: 'Register the redirect URI under the spa platform for a single-page app, or redeem the code on the server.',
    docs: [D.spaCode, D.errors],
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
    docs: [D.pkceVerifier, D.errors],
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
    docs: [D.refreshTokens, D.errors],
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
    docs: [D.refreshTokenRevocation, D.errors],
  },
] as const satisfies readonly AadstsEntry<number>[];
