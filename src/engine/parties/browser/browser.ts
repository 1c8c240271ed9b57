// The user's browser: follows redirects, keeps cookies, posts forms, and asks the person to decide.
import { advanceClock } from '../../core/clock';
import type { SimClock } from '../../core/clock';
import type { Network } from '../../core/network';
import type { BrowserParty, PromptPreset, UserDecision } from '../../model/scenario';
import type { PendingPrompt } from '../../model/trace';
import type { Directory } from '../../directory/model';
import { CookieJar } from '../../http/cookies';
import { encodeForm } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import { isRedirect, redirectTarget } from '../../http/redirect';
import { readPage } from '../authority/pages';

/** Most redirects and form posts one navigation may take before the browser gives up. */
export const MAX_HOPS = 25;

/** What the browser needs from the world. */
export interface BrowserEnv {
  network: Network;
  clock: SimClock;
  directory: Directory;
  /** The person's decisions, consumed in order. */
  decisions: UserDecision[];
  /**
   * Answers enabled what-ifs make for the person (one per prompt kind). At such a prompt the
   * browser still consumes the person's next decision (or pauses for it, carrying the preset), but
   * acts on the preset's answer.
   */
  presets?: readonly PromptPreset[];
  /** When the decisions run out at a prompt a what-if answers, answer it instead of pausing. */
  answerPresets?: boolean;
  /** Tag of a request for narration, from its URL (e.g. `authorize`, `sign-in`, `redirect-back`). */
  tagFor: (url: URL, actionId: string) => string;
}

/** How the browser's script ended: done, stopped on an error page or status, or waiting for the person. */
export interface BrowserOutcome {
  ok: boolean;
  status?: number;
  pending?: PendingPrompt;
  used: UserDecision[];
}

/**
 * Runs the browser's script. `navigate` GETs a URL and keeps going: 3xx responses are followed
 * (RFC 9110 section 15.4), authority pages are answered with the person's next decision (or the
 * run pauses with `pending`), `form_post` pages are auto-submitted. Stops at the first page that
 * needs nothing more, or at an error status. `wait` consumes a `clock` decision and moves time on.
 * A redirect's fragment is never sent (RFC 3986 section 3.5): the browser keeps it, and a
 * `fragment_post` page (an app page whose script reads `location.hash`) posts its parameters to
 * the page's server, tagged `fragment-post`.
 */
export async function runBrowserProgram(
  party: BrowserParty,
  env: BrowserEnv,
): Promise<BrowserOutcome> {
  const cookies = new CookieJar();
  const used: UserDecision[] = [];
  const user = env.directory.users.find((u) => u.id === party.userId);
  const presetFor = (prompt: UserDecision['prompt']): PromptPreset | undefined =>
    env.presets?.find((p) => p.decision.prompt === prompt);
  const next = <K extends UserDecision['prompt']>(
    prompt: K,
  ): Extract<UserDecision, { prompt: K }> | undefined => {
    const given = env.decisions[used.length];
    const preset = presetFor(prompt);
    if (given ? given.prompt !== prompt : !(preset && env.answerPresets)) return undefined;
    const decision = preset ? preset.decision : given;
    if (!decision) return undefined;
    used.push(decision);
    env.network.emit({
      type: 'user.decided',
      decision,
      ...(preset ? { setBy: preset.whatIf } : {}),
    });
    return decision as Extract<UserDecision, { prompt: K }>;
  };
  /** A pending prompt, with the what-if's answer when one makes it. */
  const pause = (pending: PendingPrompt): BrowserOutcome => {
    const preset = presetFor(pending.prompt);
    return { ok: true, used, pending: preset ? { ...pending, preset } : pending };
  };
  const userName = user?.displayName ?? '';

  for (const action of party.program) {
    if (action.do === 'wait') {
      const decision = next('clock');
      if (!decision) {
        return pause({
          prompt: 'clock',
          userName,
          title: action.title,
          now: env.clock.now,
          choices: action.choices,
        });
      }
      advanceClock(env.clock, decision.seconds);
      continue;
    }
    let request: HttpRequest = { method: 'GET', url: action.url, headers: {} };
    /** The fragment of the page's address: never sent, only the page's script reads it. */
    let fragment = '';
    /** Set when the next request is a page script handing its fragment to its own server. */
    let fragmentPost = false;
    for (let hop = 0; ; hop++) {
      if (hop >= MAX_HOPS) return { ok: false, used, status: 0 };
      const url = new URL(request.url);
      const cookie = cookies.header(url);
      const sent: HttpRequest = {
        ...request,
        headers: { ...request.headers, ...(cookie ? { Cookie: cookie } : {}) },
      };
      const tag = fragmentPost ? 'fragment-post' : env.tagFor(url, action.id);
      fragmentPost = false;
      const response = await env.network.send(party.id, sent, tag);
      cookies.store(url, response);
      if (isRedirect(response)) {
        const target = redirectTarget(response, url);
        if (!target) return { ok: false, used, status: response.status };
        // RFC 9110 section 17.9 / RFC 3986 section 3.5: the fragment stays in the browser.
        const hash = target.indexOf('#');
        fragment = hash >= 0 ? target.slice(hash + 1) : '';
        request = { method: 'GET', url: hash >= 0 ? target.slice(0, hash) : target, headers: {} };
        continue;
      }
      const page = response.body.includes('sim-page') ? readPage(response.body) : undefined;
      if (!page) {
        if (response.status >= 400) return { ok: false, used, status: response.status };
        break;
      }
      const post = (action: string, fields: Record<string, string>): HttpRequest => ({
        method: 'POST',
        url: new URL(action, url).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encodeForm(fields),
      });
      if (page.page === 'form_post') {
        request = post(page.action, page.fields);
        continue;
      }
      if (page.page === 'fragment_post') {
        // The page's script reads location.hash and posts its parameters to its own server.
        request = post(page.action, Object.fromEntries(new URLSearchParams(fragment)));
        fragmentPost = true;
        continue;
      }
      if (page.page === 'error') return { ok: false, used, status: response.status };
      if (page.page === 'sign-in') {
        if (!next('sign-in')) {
          return pause({
            prompt: 'sign-in',
            appName: page.appName,
            userName,
            userPrincipalName: user?.userPrincipalName ?? '',
          });
        }
        request = post(page.action, {
          flow: page.flow,
          login: user?.userPrincipalName ?? '',
          passwd: '********',
        });
        continue;
      }
      if (page.page === 'mfa') {
        const decision = next('mfa');
        if (!decision)
          return pause({ prompt: 'mfa', userName: page.userName, reason: page.reason });
        // A denial is posted too: the authority answers it with its error page (AADSTS500121).
        request = post(page.action, {
          flow: page.flow,
          mfa: decision.approve ? 'approve' : 'deny',
        });
        continue;
      }
      const decision = next('consent');
      if (!decision) {
        return pause({
          prompt: 'consent',
          appName: page.appName,
          publisher: page.publisher,
          userName: page.userName,
          canConsentForOrganization: page.canConsentForOrganization,
          ...(page.adminConsent ? { adminConsent: true } : {}),
          items: page.items.map((i) => ({
            description: i.description,
            scope: i.scope,
            resourceName: i.resourceName,
            clientName: i.clientName,
            adminOnly: i.adminOnly,
            via: i.via,
            ...(i.type ? { type: i.type } : {}),
          })),
        });
      }
      request = post(page.action, {
        flow: page.flow,
        consent: decision.accept ? 'accept' : 'cancel',
        ...(decision.forOrganization ? { for_organization: 'true' } : {}),
      });
    }
  }
  return { ok: true, used };
}
