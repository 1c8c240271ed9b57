// The token endpoint's grants as the HAR replay names and narrates them.
import type { DocName } from './recognise';

/** The `grant_type` of OBO and other JWT bearer grants (RFC 7523 section 2.1). */
export const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Token requests by `grant_type`: a label, a title and what the grant does (RFC / Learn wording). */
export const GRANTS: Record<
  string,
  { label: string; title: string; text: string; docs: DocName[] }
> = {
  authorization_code: {
    label: 'code redemption',
    title: 'Redeeming the authorization code',
    text: 'The app sends the authorization code it received at its reply URL, with the same redirect_uri, to get tokens (RFC 6749 section 4.1.3).',
    docs: ['authCode'],
  },
  refresh_token: {
    label: 'refresh',
    title: 'Refresh token grant',
    text: 'The app trades its refresh token for a new access token, without the user (RFC 6749 section 6).',
    docs: ['refreshTokens'],
  },
  client_credentials: {
    label: 'client credentials',
    title: 'Client credentials grant: the app asks for a token as itself',
    text: 'No user is involved: the app proves who it is (a secret or a certificate assertion) and asks for an app-only token for {resource}/.default; the token carries the application permissions (roles) an admin granted.',
    docs: ['cc'],
  },
  obo: {
    label: 'on-behalf-of',
    title: 'On-Behalf-Of: a web API exchanges the token it received',
    text: "The middle tier sends the user's access token it received (assertion) with requested_token_use=on_behalf_of and its own credential, and asks for a token for the downstream API: same user, new audience, delegated scopes only.",
    docs: ['obo'],
  },
  [OBO_GRANT]: {
    label: 'JWT bearer',
    title: 'JWT bearer grant',
    text: 'The client presents a JWT as the grant (RFC 7523 section 2.1).',
    docs: ['obo'],
  },
  'urn:ietf:params:oauth:grant-type:device_code': {
    label: 'device code',
    title: 'Device code polling',
    text: 'A device without a browser polls the token endpoint while the user signs in elsewhere (RFC 8628 section 3.4).',
    docs: ['oidc'],
  },
  password: {
    label: 'password (ROPC)',
    title: 'Resource owner password credentials',
    text: "The app sends the user's password itself: the platform discourages this grant, which cannot do MFA or consent prompts.",
    docs: ['oidc'],
  },
};

/** The grant of a token request, `obo` for OBO (RFC 7523 + `requested_token_use`). */
export function grantOf(form: Record<string, string>): string {
  const grant = form.grant_type ?? '';
  return grant === OBO_GRANT && form.requested_token_use === 'on_behalf_of' ? 'obo' : grant;
}
