// Which hosts of a HAR are the identity platform's authority, Microsoft Graph, or someone's app or API.
import { decodeForm, getHeader } from '../../engine/wire';
import type { HttpRequest } from '../../engine/index';

/**
 * Hosts of the Microsoft identity platform's token services: Entra ID (worldwide, US government,
 * China), the legacy v1 hosts, Microsoft accounts, Azure AD B2C (`*.b2clogin.com`) and External ID
 * (`*.ciamlogin.com`).
 * @see https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud
 * @see https://learn.microsoft.com/azure/active-directory-b2c/b2clogin
 */
const AUTHORITY_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.live.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/** The authority a host belongs to, with the name the canvas shows; `null` for other hosts. */
export function authorityOf(host: string): { id: string; label: string } | null {
  const name = host.toLowerCase();
  if (name === 'login.live.com') return { id: 'authority-msa', label: 'Microsoft account' };
  if (name.endsWith('.b2clogin.com')) return { id: `authority-${name}`, label: 'Azure AD B2C' };
  if (name.endsWith('.ciamlogin.com'))
    return { id: `authority-${name}`, label: 'Microsoft Entra External ID' };
  return AUTHORITY_HOSTS.includes(name) ? { id: 'authority', label: 'Microsoft Entra ID' } : null;
}

/** Whether `host` is Microsoft Graph (worldwide or a national cloud). */
export function isGraphHost(host: string): boolean {
  return /^(graph\.microsoft\.(com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/i.test(
    host,
  );
}

/** The host of a URL, lower case; `''` when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The path of a URL without query and fragment; the text itself when it is not a URL. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Query and fragment parameters of a URL (none when it is not a URL). */
export function urlParams(url: string): URLSearchParams {
  try {
    const parsed = new URL(url);
    const params = new URLSearchParams(parsed.search);
    for (const [name, value] of new URLSearchParams(parsed.hash.slice(1)))
      params.append(name, value);
    return params;
  } catch {
    return new URLSearchParams();
  }
}

/** The form parameters of a request body (`application/x-www-form-urlencoded`), else none. */
export function formOf(request: HttpRequest): Record<string, string> {
  const type = getHeader(request.headers, 'content-type') ?? '';
  if (!request.body || !/application\/x-www-form-urlencoded/i.test(type)) return {};
  return Object.fromEntries(decodeForm(request.body));
}

/** Compact JWS strings (three base64url parts, header starting `eyJ`) found anywhere in `text`. */
export function jwtsIn(text: string): string[] {
  return [...new Set(text.match(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g) ?? [])];
}

/** Whether a `User-Agent` looks like a web browser's (they all start with `Mozilla/5.0`). */
export function isBrowserAgent(agent: string | undefined): boolean {
  return agent !== undefined && /^Mozilla\/5\.0/.test(agent);
}
