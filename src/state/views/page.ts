// An HTML response as the inspector shows it: the authority's page read by the engine's typed
// reader (sign-in, MFA, consent, error, form_post), or an app's own page by its title.
import { readPage } from '../../engine/wire';
import type { SimulationRun } from '../../engine/wire';
import { prettyJson } from '../format';
import { paramRows, type ParamRow } from './params';
import type { TokenRef } from './tokens';

/** What kind of page an HTML response is. */
export type PageKind = 'sign-in' | 'mfa' | 'consent' | 'error' | 'form_post' | 'html';

/** An HTML page response, decoded from the authority's JSON island (or its title). */
export interface PageView {
  kind: PageKind;
  /** E.g. `Sign-in page`, `Consent page`, `Form post (submits itself)`. */
  label: string;
  /** One sentence on what the page asks or carries. */
  summary: string;
  /** Fields a `form_post` page submits, or the consent items, one a row. */
  fields: ParamRow[];
  /** The page's text without markup, as a person would read it. */
  text: string;
}

/** The visible text of an HTML document: scripts and tags removed, entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<\/(h1|p|li|button|pre)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((line) => (line.startsWith('{') ? (prettyJson(line) ?? line) : line))
    .join('\n');
}

/** The page view of an HTML body; `refs` are the step's tokens, for a form_post page's fields. */
export function buildPageView(run: SimulationRun, html: string, refs: TokenRef[]): PageView {
  const text = pageText(html);
  const page = readPage(html);
  switch (page?.page) {
    case 'sign-in':
      return {
        kind: 'sign-in',
        label: 'Sign-in page',
        summary: `Asks the user to sign in to continue to ${page.appName}. The browser stops here until the person signs in.`,
        fields: [],
        text,
      };
    case 'mfa':
      return {
        kind: 'mfa',
        label: 'MFA page',
        summary: `Asks ${page.userName} to approve a sign-in request: ${page.reason}`,
        fields: [],
        text,
      };
    case 'consent':
      return {
        kind: 'consent',
        label: page.adminConsent ? 'Admin consent page' : 'Consent page',
        summary: page.adminConsent
          ? `Lists the permissions ${page.appName} requests for the whole organization (application permissions included) and waits for the admin's Accept or Cancel.`
          : `Lists the permissions ${page.appName} requests and waits for Accept or Cancel.`,
        fields: page.items.map((item) => ({
          name: `${item.resourceName}: ${item.scope}`,
          value: `${item.description} (granted to ${item.clientName}${item.type === 'Role' ? '; application permission' : item.adminOnly ? '; admins only' : ''})`,
          token: null,
        })),
        text,
      };
    case 'error':
      return {
        kind: 'error',
        label: 'Error page',
        summary: `AADSTS${String(page.code)}: ${page.title}. The authority shows the error itself and does not redirect: the redirect URI is not trusted yet.`,
        fields: [],
        text,
      };
    case 'form_post':
      return {
        kind: 'form_post',
        label: 'Form post (submits itself)',
        summary: `An auto-submitting form: the browser POSTs these fields to ${page.action} (response_mode=form_post), so nothing travels in the URL.`,
        fields: paramRows(run, Object.entries(page.fields), refs),
        text,
      };
    case 'fragment_post':
      return {
        kind: 'html',
        label: "App page that reads the URL's fragment",
        summary: `The app's own page: its script reads the parameters after # in the address (which the browser never sends) and POSTs them to ${page.action}.`,
        fields: [],
        text,
      };
    default: {
      const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]?.trim() ?? 'HTML page';
      return {
        kind: 'html',
        label: `"${title}"`,
        summary: 'A page the app serves to the browser (not an authority page).',
        fields: [],
        text,
      };
    }
  }
}
