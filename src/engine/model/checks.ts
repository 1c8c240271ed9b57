// The names of the rules the authority and the APIs enforce: closed unions, shared by the trace and the checks.

/** Closed list of the authority's check names, in the vocabulary of the docs they enforce. */
export type CheckName =
  | 'method-is-post'
  | 'tenant-exists'
  | 'grant-type-present'
  | 'grant-type-supported'
  | 'client-id-present'
  | 'client-registered'
  | 'one-client-auth-method'
  | 'client-credential-present'
  | 'client-secret-valid'
  | 'client-assertion-well-formed'
  | 'client-assertion-key-registered'
  | 'client-assertion-signature'
  | 'client-assertion-audience'
  | 'client-assertion-subject'
  | 'target-parameter-present'
  | 'scope-single-resource'
  | 'scope-is-default'
  | 'resource-registered'
  | 'not-token-for-itself'
  | 'resource-provisioned'
  | 'app-role-assignment'
  | 'requested-token-use'
  | 'assertion-present'
  | 'assertion-well-formed'
  | 'assertion-implicit-id-token-wildcard'
  | 'assertion-not-id-token'
  | 'assertion-signature'
  | 'assertion-not-expired'
  | 'assertion-audience'
  | 'assertion-is-delegated'
  | 'requested-token-type'
  | 'saml-scope-is-default'
  | 'scopes-exposed'
  | 'delegated-consent'
  | 'conditional-access'
  | 'redirect-uri-registered'
  | 'response-type-allowed'
  | 'nonce-present'
  | 'scopes-known'
  | 'pkce-challenge-valid'
  | 'user-signed-in'
  | 'mfa-satisfied'
  | 'consent-granted'
  | 'user-is-admin'
  | 'admin-consent-granted'
  | 'code-present'
  | 'redirect-uri-present'
  | 'code-valid'
  | 'code-not-redeemed'
  | 'code-not-expired'
  | 'code-client-matches'
  | 'redirect-uri-matches'
  | 'code-redemption-origin'
  | 'pkce-verifier'
  | 'refresh-token-present'
  | 'refresh-token-valid'
  | 'refresh-token-not-expired'
  | 'refresh-token-not-revoked'
  | 'resource-consented'
  | 'delegated-scp-present';

/**
 * Closed list of a resource API's bearer-validation rules, in the order it applies them
 * (RFC 6750 section 3, RFC 7519 section 7.2, RFC 9068 section 4).
 */
export type ApiCheckName =
  | 'bearer-present'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'lifetime'
  | 'scope-or-role'
  | SamlCheckName;

/**
 * Closed list of a SAML-protected web service's rules for an incoming assertion, in the order it
 * applies them (SAML core 2.0 sections 2.4-2.5 and 5, SAML profiles 2.0 section 4.1.4.3).
 */
export type SamlCheckName =
  | 'saml-present'
  | 'saml-version'
  | 'saml-signature'
  | 'saml-issuer'
  | 'saml-audience'
  | 'saml-lifetime'
  | 'saml-recipient';
