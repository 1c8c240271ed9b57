// The authority's HTML pages: sign-in, MFA, consent, errors and form_post, each with a machine-readable island.
import { escapeHtml, htmlDocument } from '../../http/html';
import type { ConsentItem } from './consent';

/** What a page asks of the person, or carries, as the browser party reads it. */
export type AuthorityPage =
  | { page: 'sign-in'; flow: string; action: string; appName: string; loginHint?: string }
  | { page: 'mfa'; flow: string; action: string; userName: string; reason: string }
  | {
      page: 'consent';
      flow: string;
      action: string;
      appName: string;
      publisher: string;
      userName: string;
      items: ConsentItem[];
      /** Whether the user may tick "Consent on behalf of your organization" (admins only). */
      canConsentForOrganization: boolean;
      /** The admin consent page: tenant-wide, application permissions included. */
      adminConsent?: boolean;
    }
  | { page: 'error'; code: number; title: string; message: string; items?: ConsentItem[] }
  | { page: 'form_post'; action: string; fields: Record<string, string> }
  /**
   * An app's page (not the authority's) whose script posts the parameters of its address's
   * fragment (`location.hash`, where the implicit grant delivers tokens) to `action`.
   */
  | { page: 'fragment_post'; action: string };

/** The id of the JSON island the browser reads (`<script type="application/json" id=...>`). */
export const PAGE_ISLAND_ID = 'sim-page';

function body(page: AuthorityPage): string {
  switch (page.page) {
    case 'sign-in':
      return `<h1>Sign in</h1><p>to continue to ${escapeHtml(page.appName)}</p><form method="post" action="${escapeHtml(page.action)}"><input type="hidden" name="flow" value="${page.flow}"><input name="login" value="${escapeHtml(page.loginHint ?? '')}"><input name="passwd" type="password"><button>Sign in</button></form>`;
    case 'mfa':
      return `<h1>Approve sign in request</h1><p>${escapeHtml(page.reason)}</p><form method="post" action="${escapeHtml(page.action)}"><input type="hidden" name="flow" value="${page.flow}"><button name="mfa" value="approve">Approve</button></form>`;
    case 'consent':
      return `<h1>Permissions requested</h1><p>${escapeHtml(page.appName)} (${escapeHtml(page.publisher)})</p><ul>${page.items
        .map((i) => `<li>${escapeHtml(i.description)} (${escapeHtml(i.resourceName)})</li>`)
        .join(
          '',
        )}</ul><form method="post" action="${escapeHtml(page.action)}"><input type="hidden" name="flow" value="${page.flow}"><button name="consent" value="accept">Accept</button><button name="consent" value="cancel">Cancel</button></form>`;
    case 'error':
      return `<h1>Sorry, but we're having trouble signing you in.</h1><p>AADSTS${page.code}: ${escapeHtml(page.message)}</p>`;
    case 'fragment_post':
      return `<form method="post" action="${escapeHtml(page.action)}"></form><script>for (const [k, v] of new URLSearchParams(location.hash.slice(1))) { const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; document.forms[0].append(i); } document.forms[0].submit()</script>`;
    case 'form_post':
      return `<form method="post" action="${escapeHtml(page.action)}">${Object.entries(page.fields)
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join('')}</form><script>document.forms[0].submit()</script>`;
  }
}

/** Renders `page` as an HTML document with its JSON island (`<` escaped inside the JSON). */
export function renderPage(page: AuthorityPage): string {
  const island = JSON.stringify(page).replace(/</g, '\\u003c');
  return htmlDocument(
    'Sign in to your account',
    `${body(page)}<script type="application/json" id="${PAGE_ISLAND_ID}">${island}</script>`,
  );
}

/** Reads the JSON island of an authority page; `undefined` for any other HTML. Never throws. */
export function readPage(html: string): AuthorityPage | undefined {
  const match = new RegExp(
    `<script type="application/json" id="${PAGE_ISLAND_ID}">([\\s\\S]*?)</script>`,
  ).exec(html);
  if (!match?.[1]) return undefined;
  try {
    return JSON.parse(match[1]) as AuthorityPage;
  } catch {
    return undefined;
  }
}
