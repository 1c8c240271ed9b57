// The documents the authorize endpoint's rules come from, linked next to each rule in the inspector.
import type { DocRef } from '../../../errors';

/** Sources of the authorize rules: RFC sections and platform docs. */
export const AUTHORIZE_SOURCES = {
  authCodeRequest: {
    label: 'Auth code flow: request an authorization code',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
  },
  appObjects: {
    label: 'Application and service principal objects',
    url: 'https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals',
  },
  replyUrl: {
    label: 'Redirect URI (reply URL) restrictions',
    url: 'https://learn.microsoft.com/entra/identity-platform/reply-url',
  },
  rfc6749ErrorResponse: {
    label: 'RFC 6749 section 4.1.2.1 (error response)',
    url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1',
  },
  oidcNonce: {
    label: 'OpenID Connect Core 1.0 section 3.2.2.1 (nonce)',
    url: 'https://openid.net/specs/openid-connect-core-1_0.html#ImplicitAuthRequest',
  },
  scopes: {
    label: 'Scopes and permissions',
    url: 'https://learn.microsoft.com/entra/identity-platform/scopes-oidc',
  },
  pkce: {
    label: 'RFC 7636 section 4.3 (code_challenge_method)',
    url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.3',
  },
  oidcPrompt: {
    label: 'OpenID Connect Core 1.0 section 3.1.2.1 (prompt)',
    url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest',
  },
  conditionalAccess: {
    label: 'Conditional Access: grant controls (require MFA)',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-grant',
  },
  consent: {
    label: 'Consent types',
    url: 'https://learn.microsoft.com/entra/identity-platform/consent-types-developer',
  },
} as const satisfies Record<string, DocRef>;
