// Narration of a run's messages: the scenario's texts by action and outcome, personalised with the user's name.
import type { RawStep } from '../core/network';
import { DOCS } from '../errors';
import { AUTHORITY_ORIGIN } from '../model/authority';
import type { BrowserParty, Narration, ScenarioDefinition } from '../model/scenario';

const JWKS_NARRATION: Narration = {
  title: 'Fetch the signing keys (JWKS)',
  text: "Before it can trust any token, the API downloads the authority's public signing keys from the jwks_uri of the discovery document. It caches them, so this happens once.",
  docs: [DOCS.accessTokenSignature],
};

const JWKS_RESPONSE_NARRATION: Narration = {
  title: 'The authority publishes its public keys',
  text: 'Each key has a kid; a token header names the kid of the key that signed it. The API verifies signatures locally from now on; it never asks the authority whether a token is valid.',
  docs: [DOCS.rfc7517, DOCS.openidDiscovery],
};

/**
 * The narration of one message: the scenario's text for the action's request, response, redirect
 * or error, the JWKS texts for key fetches, else a title made from the parties and the step label
 * with the error card's why and docs.
 */
export function narrate(
  scenario: ScenarioDefinition,
  step: RawStep,
  labels: Map<string, string>,
): Narration {
  const entry = scenario.narration[step.tag];
  if (step.tag.endsWith(':jwks') && !entry)
    return step.kind === 'request' ? JWKS_NARRATION : JWKS_RESPONSE_NARRATION;
  if (step.kind === 'request' && entry) return entry.request;
  if (step.kind === 'response' && entry) {
    const chosen =
      step.outcome === 'error' || step.error
        ? (entry.error ?? entry.response)
        : step.outcome === 'redirect'
          ? (entry.redirect ?? entry.response)
          : entry.response;
    if (chosen) return chosen;
  }
  const from = labels.get(step.from) ?? step.from;
  const to = labels.get(step.to) ?? step.to;
  return {
    title: `${from} → ${to}: ${step.label}`,
    text: step.error ? step.error.why : '',
    docs: step.error?.docs ?? [],
  };
}

/**
 * The first name of the user at the scenario's browser (`Ada Lovelace` -> `Ada`), or `The user`
 * when the scenario has no browser. Narration says `{user}` wherever it names that person.
 */
export function firstNameOfBrowserUser(scenario: ScenarioDefinition): string {
  const browser = scenario.parties.find((p): p is BrowserParty => p.kind === 'browser');
  const user = browser && scenario.directory.users.find((u) => u.id === browser.userId);
  return user?.displayName.split(/\s+/)[0] || 'The user';
}

/** Fills `{user}` in a narration's title and text with the person's first name. */
export function personalise(narration: Narration, userName: string): Narration {
  const fill = (text: string): string => text.replaceAll('{user}', userName);
  return { ...narration, title: fill(narration.title), text: fill(narration.text) };
}

/**
 * The narration tag of a browser request: authority pages by path (`authorize`, `sign-in`, `mfa`,
 * `consent`, `adminconsent`), a web app's or a client sign-up page's redirect URI
 * (`redirect-back`), else the action id.
 */
export function browserTag(scenario: ScenarioDefinition, url: URL, actionId: string): string {
  if (url.origin === AUTHORITY_ORIGIN) {
    if (url.pathname.endsWith('/authorize')) return 'authorize';
    const last = url.pathname.split('/').pop() ?? '';
    if (last === 'login') return 'sign-in';
    if (last === 'mfa' || last === 'consent' || last === 'adminconsent') return last;
    return actionId;
  }
  const client = scenario.parties.find(
    (p) => p.kind === 'daemon' && p.signUp && new URL(p.signUp.baseUrl).origin === url.origin,
  );
  if (client?.kind === 'daemon' && url.pathname === client.signUp?.redirectPath)
    return 'redirect-back';
  const app = scenario.parties.find(
    (p) => p.kind === 'web-app' && new URL(p.baseUrl).origin === url.origin,
  );
  if (app?.kind === 'web-app' && url.pathname === app.signIn.redirectPath) return 'redirect-back';
  return actionId;
}
