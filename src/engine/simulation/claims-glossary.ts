// Plain-language explanations of JWT claims, shown beside each claim in the inspector.

/** One line per claim name (access tokens, ID tokens, client assertions). */
export const CLAIM_EXPLANATIONS: Readonly<Record<string, string>> = {
  aud: 'Audience: who this token is for. Only that API may accept it.',
  iss: 'Issuer: the tenant and token service that signed it (v1: sts.windows.net, v2: login.microsoftonline.com/.../v2.0).',
  iat: 'Issued at (seconds since 1970).',
  nbf: 'Not before: the token is not valid before this time.',
  exp: 'Expiry: after this time APIs must reject it (they may allow a few minutes of clock skew).',
  aio: 'Opaque data the token service uses internally; never rely on it.',
  azp: 'Authorized party: the app id of the client that requested the token (v2 name).',
  azpacr:
    "How the client authenticated: '0' public client, '1' client secret, '2' certificate (v2 name).",
  appid: 'The app id of the client that requested the token (v1 name of azp).',
  appidacr:
    "How the client authenticated: '0' public, '1' secret, '2' certificate (v1 name of azpacr).",
  acr: 'Authentication context class (v1 only): "0" means the authentication did not meet the requirements of ISO/IEC 29115; "1" otherwise.',
  amr: "How the user authenticated, e.g. ['pwd'] or ['pwd','mfa'] (v1 only).",
  idp: 'Identity provider that authenticated the subject.',
  idtyp:
    "Token type, an optional claim the resource asks for (optionalClaims): 'app' marks an app-only token (no user); with include_user_token it is also sent on user tokens.",
  name: "The user's display name. For display only, never for authorization.",
  preferred_username: "The user's sign-in name (UPN or email); mutable, never use it as a key.",
  unique_name: "The user's sign-in name (v1).",
  upn: "The user's user principal name.",
  oid: "Object id (a GUID) of the subject in the tenant: the user's, or for app-only tokens the client service principal's object id. Use oid + tid as the key.",
  sub: 'Subject: pairwise per app for users; for app-only tokens, the service principal id.',
  tid: 'Tenant id (a GUID) of the tenant the user signs in to (for a guest, the resource tenant, not their home tenant).',
  rh: 'Opaque token-service data for re-validating the token.',
  uti: 'Unique token identifier (like jti), used to track a token.',
  ver: "Token format version, '1.0' or '2.0'. For access tokens it follows the resource (its requestedAccessTokenVersion), whichever endpoint issued them; for ID tokens it follows the endpoint (v1 /oauth2/ or v2 /oauth2/v2.0/).",
  scp: 'Delegated scopes: what the client may do for the signed-in user (space-separated). Present only in user tokens.',
  roles:
    'App roles: application permissions granted by an admin (app-only tokens) or roles assigned to the user.',
  jti: 'Unique id of this JWT (RFC 7519).',
  nonce: 'Value from the sign-in request, echoed so the client can detect replay.',
  c_hash: 'Hash of the authorization code, binding the ID token to it.',
  at_hash: 'Hash of the access token, binding the ID token to it.',
  sid: 'Session id of the user sign-in.',
  xms_cc: 'Client capabilities the client declared (e.g. cp1: can handle claims challenges).',
};

/** Explains `name`, or says it is an extra claim the simulator does not describe. */
export function explainClaim(name: string, kind: string): string {
  if (kind === 'client_assertion') {
    const assertion: Record<string, string> = {
      aud: 'Must be exactly the token endpoint URL this assertion is sent to.',
      iss: 'The client id: who signed this assertion.',
      sub: 'The client id again: the assertion is about the client itself.',
      jti: 'Unique id of this assertion.',
      nbf: 'Not before: the assertion is not valid before this time.',
      iat: 'When the client signed it.',
      exp: 'After this the authority rejects the assertion (AADSTS700024).',
    };
    if (assertion[name]) return assertion[name];
  }
  return CLAIM_EXPLANATIONS[name] ?? 'Additional claim.';
}

/** Claims whose values are epoch seconds. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['iat', 'nbf', 'exp', 'auth_time']);
