// What a token request asks for, read from its wire form, as MSAL would ask for it.
import { Base64 } from 'js-base64';
import type { SimStep, SimulationRun } from '../../engine/index';

/** The grants MSAL confidential clients expose as one call each. */
export type MsalGrant =
  'client_credentials' | 'on_behalf_of' | 'authorization_code' | 'refresh_token';

/** What a token request asks for, read from its wire form; the input of the code writers. */
export interface MsalCall {
  grant: MsalGrant;
  clientId: string;
  /** `https://login.microsoftonline.com/{tenant}` (the request's origin and first path segment). */
  authority: string;
  /** Scopes for MSAL: v2 `scope` without the ones MSAL adds itself, or v1 `resource` + `/.default`. */
  scopes: string[];
  /** The v1 `resource` the request named, if it went to the v1 endpoint. */
  resource?: string;
  credential:
    | { kind: 'secret'; basic: boolean }
    | { kind: 'certificate'; thumbprint?: { algorithm: 'sha1' | 'sha256'; hex: string } };
  redirectUri?: string;
  /** Whether an authorization code redemption carried a PKCE `code_verifier`. */
  pkce: boolean;
}

/** Scopes MSAL always adds to user flows and rejects (Python) or drops from a caller's list. */
const RESERVED_SCOPES = new Set(['openid', 'profile', 'offline_access']);

const GRANTS: Record<string, MsalGrant> = {
  client_credentials: 'client_credentials',
  authorization_code: 'authorization_code',
  refresh_token: 'refresh_token',
  'urn:ietf:params:oauth:grant-type:jwt-bearer': 'on_behalf_of',
};

/** Hex digits of a base64url value (a JWT `x5t` or `x5t#S256` header). */
function base64UrlToHex(value: string): string {
  return [...Base64.toUint8Array(value)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** The client id of `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 section 2.3.1). */
function basicClientId(authorization: string | undefined): string | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  const decoded = Base64.decode(authorization.slice('Basic '.length).trim());
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
}

/**
 * What the token request of `step` asks for, or `null` when it is not a token request MSAL makes:
 * a POST to `/{tenant}/oauth2/v2.0/token` or `/{tenant}/oauth2/token` with `grant_type`
 * `client_credentials`, `authorization_code`, `refresh_token`, or the OBO `jwt-bearer` grant with
 * `requested_token_use=on_behalf_of` (RFC 7523 section 2.1; a SAML `requested_token_type` has no
 * MSAL call). Certificate thumbprints come from the client assertion's `x5t#S256` or `x5t`.
 */
export function describeMsalCall(run: SimulationRun, step: SimStep): MsalCall | null {
  const { request } = step;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  const match = /^\/([^/]+)\/oauth2\/(v2\.0\/)?token$/.exec(url.pathname);
  if (request.method !== 'POST' || !match?.[1]) return null;
  const form = new URLSearchParams(request.body ?? '');
  const grant = GRANTS[form.get('grant_type') ?? ''];
  if (!grant) return null;
  if (grant === 'on_behalf_of') {
    if (form.get('requested_token_use') !== 'on_behalf_of') return null;
    if (/saml/i.test(form.get('requested_token_type') ?? '')) return null;
  }
  const authorization = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === 'authorization',
  )?.[1];
  const clientId = form.get('client_id') ?? basicClientId(authorization);
  if (!clientId) return null;
  const resource = match[2] ? undefined : (form.get('resource') ?? undefined);
  const scopes = resource
    ? [`${resource.replace(/\/$/, '')}/.default`]
    : (form.get('scope') ?? '').split(' ').filter((s) => s && !RESERVED_SCOPES.has(s));
  const assertion = form.get('client_assertion');
  let credential: MsalCall['credential'];
  if (assertion) {
    const header = run.tokens[assertion]?.header ?? {};
    const sha256 = header['x5t#S256'];
    const sha1 = header['x5t'];
    credential = {
      kind: 'certificate',
      ...(typeof sha256 === 'string'
        ? { thumbprint: { algorithm: 'sha256', hex: base64UrlToHex(sha256) } }
        : typeof sha1 === 'string'
          ? { thumbprint: { algorithm: 'sha1', hex: base64UrlToHex(sha1) } }
          : {}),
    };
  } else {
    credential = { kind: 'secret', basic: !form.has('client_secret') && !!authorization };
  }
  const redirectUri = form.get('redirect_uri') ?? undefined;
  return {
    grant,
    clientId,
    authority: `${url.origin}/${match[1]}`,
    scopes,
    ...(resource ? { resource } : {}),
    credential,
    ...(redirectUri ? { redirectUri } : {}),
    pkce: form.has('code_verifier'),
  };
}

/** A string literal valid in JavaScript, C# and Python (JSON string syntax). */
export const literal = (value: string): string => JSON.stringify(value);

/** Comment lines that explain where the MSAL call differs from the simulated request. */
export function msalNotes(call: MsalCall): string[] {
  const lines: string[] = [];
  if (call.resource) {
    lines.push(
      `MSAL uses the v2.0 endpoint: the v1 resource ${call.resource} is asked for as the scope ${call.scopes[0] ?? ''}.`,
    );
  }
  if (call.credential.kind === 'secret' && call.credential.basic) {
    lines.push(
      'MSAL sends the secret in the request body (client_secret_post), not as HTTP Basic.',
    );
  }
  if (call.grant === 'authorization_code' || call.grant === 'refresh_token') {
    lines.push('MSAL adds openid, profile and offline_access to the scopes itself.');
  }
  return lines;
}
