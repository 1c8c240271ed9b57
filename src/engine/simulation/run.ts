// Runs a scenario from start to end and returns the whole trace as a value.
import { DOCS } from '../errors';
import { runClientProgram } from '../parties/client/client';
import { inspectRunTokens } from './inspect';
import type { RawStep } from './network';
import { createRuntime, mintStartingTokens } from './runtime';
import type {
  BrowserParty,
  ClientParty,
  Narration,
  PromptPreset,
  ScenarioDefinition,
  UserDecision,
} from './scenario';
import type { PartyView, PendingPrompt, SimStep, SimulationRun, StartingFact } from './trace';
import { runBrowserProgram } from '../parties/browser/browser';
import { AUTHORITY_ORIGIN } from '../parties/authority/keys';

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Ids of the what-if variants to apply, in any order. */
  variants?: string[];
  /** Seed of the random generator (ids, lifetimes, codes). Default 1. */
  seed?: number;
  /**
   * The person's decisions, consumed in order at prompts (default none: the run stops at the first
   * prompt with `pendingPrompt`). `'script'` uses the variant's or the scenario's `userScript`.
   * Either way, an enabled what-if's `decides` answers replace the person's at their prompts;
   * with `'script'` they are also given when the script has no answer left.
   */
  decisions?: UserDecision[] | 'script';
}

/**
 * Applies the named variants to a deep copy of `scenario`, in the scenario's declared order.
 * Throws `Error` naming the first unknown variant id.
 */
export function applyVariants(
  scenario: ScenarioDefinition,
  variantIds: readonly string[],
): ScenarioDefinition {
  for (const id of variantIds) {
    if (!scenario.variants.some((v) => v.id === id)) {
      throw new Error(`Unknown what-if "${id}" for scenario "${scenario.id}".`);
    }
  }
  let result: ScenarioDefinition = {
    ...structuredClone({ ...scenario, variants: [] }),
    variants: scenario.variants,
  };
  for (const variant of scenario.variants) {
    if (variantIds.includes(variant.id)) result = variant.apply(result);
  }
  return result;
}

const JWKS_NARRATION: Narration = {
  title: 'Fetch the signing keys (JWKS)',
  text: "Before it can trust any token, the API downloads the authority's public signing keys from the jwks_uri of the discovery document. It caches them, so this happens once.",
  docs: [
    {
      label: 'Access tokens: validate the signature',
      url: 'https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-signature',
    },
  ],
};

const JWKS_RESPONSE_NARRATION: Narration = {
  title: 'The authority publishes its public keys',
  text: 'Each key has a kid; a token header names the kid of the key that signed it. The API verifies signatures locally from now on; it never asks the authority whether a token is valid.',
  docs: [
    DOCS.rfc6749,
    {
      label: 'RFC 7517 (JSON Web Key Set)',
      url: 'https://www.rfc-editor.org/rfc/rfc7517#section-5',
    },
  ],
};

function narrate(
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
function personalise(narration: Narration, userName: string): Narration {
  const fill = (text: string): string => text.replaceAll('{user}', userName);
  return { ...narration, title: fill(narration.title), text: fill(narration.text) };
}

const PROMPT_SUMMARY: Record<PendingPrompt['prompt'], string> = {
  'sign-in': 'sign in to continue.',
  mfa: 'approve the MFA request to continue.',
  consent: 'accept or cancel the consent prompt.',
  clock: 'let simulated time pass.',
};

/** The narration tag of a browser request: authority pages by path, the app's redirect URI, else the action id. */
function browserTag(scenario: ScenarioDefinition, url: URL, actionId: string): string {
  if (url.origin === AUTHORITY_ORIGIN) {
    if (url.pathname.endsWith('/authorize')) return 'authorize';
    const last = url.pathname.split('/').pop() ?? '';
    if (last === 'login') return 'sign-in';
    if (last === 'mfa' || last === 'consent') return last;
    return actionId;
  }
  const app = scenario.parties.find(
    (p) => p.kind === 'web-app' && new URL(p.baseUrl).origin === url.origin,
  );
  if (app?.kind === 'web-app' && url.pathname === app.signIn.redirectPath) return 'redirect-back';
  return actionId;
}

/**
 * Runs `scenario` with the given variants and seed: mints the starting tokens, runs the starter
 * client's program over the simulated network, and returns every message as a step with its
 * narration, events and error card, plus every JWT decoded. Deterministic for equal inputs
 * (PS256 assertion signatures aside, which are randomised by the algorithm).
 * Throws `Error` for an unknown variant id or inconsistent scenario data; protocol failures are
 * never exceptions, they are steps.
 */
export async function runScenario(
  scenario: ScenarioDefinition,
  options: RunOptions = {},
): Promise<SimulationRun> {
  const variants = options.variants ?? [];
  const seed = options.seed ?? 1;
  const effective = applyVariants(scenario, variants);
  const runtime = createRuntime(effective, seed);
  const tokens = await mintStartingTokens(runtime);
  const decisions =
    options.decisions === 'script'
      ? (scenario.variants.filter((v) => variants.includes(v.id)).find((v) => v.userScript)
          ?.userScript ??
        effective.userScript ??
        [])
      : (options.decisions ?? []);
  // Answers the enabled what-ifs make for the person, first what-if (in declared order) first.
  const presets: PromptPreset[] = [];
  for (const variant of scenario.variants) {
    if (!variants.includes(variant.id)) continue;
    for (const decision of variant.decides ?? []) {
      if (!presets.some((p) => p.decision.prompt === decision.prompt))
        presets.push({ decision, whatIf: variant.label });
    }
  }
  const starter = effective.parties.find((p) => p.id === effective.starter);
  let outcome: { ok: boolean; status?: number; pending?: PendingPrompt; used: UserDecision[] };
  if (starter?.kind === 'browser') {
    outcome = await runBrowserProgram(starter as BrowserParty, {
      network: runtime.network,
      clock: runtime.clock,
      directory: effective.directory,
      decisions,
      presets,
      answerPresets: options.decisions === 'script',
      tagFor: (url, actionId) => browserTag(effective, url, actionId),
    });
  } else if (starter && (starter.kind === 'daemon' || starter.kind === 'spa')) {
    const client: ClientParty = starter;
    outcome = {
      ...(await runClientProgram(client, tokens, {
        network: runtime.network,
        clock: runtime.clock,
        random: runtime.random,
        tenantId: effective.tenantId,
        partyUrls: runtime.partyUrls,
      })),
      used: [],
    };
  } else {
    throw new Error(
      `Scenario ${effective.id}: starter "${effective.starter}" is not a client or browser party.`,
    );
  }
  const labels = new Map(effective.parties.map((p) => [p.id, p.label]));
  const userName = firstNameOfBrowserUser(effective);
  const steps: SimStep[] = runtime.network.steps.map((raw) => ({
    ...raw,
    narration: personalise(narrate(effective, raw, labels), userName),
  }));
  const startingFacts: StartingFact[] = effective.startingTokens.map((s) => ({
    title: s.title,
    description: s.description,
    holder: s.holder,
    token: tokens.get(s.name) ?? '',
  }));
  const parties: PartyView[] = effective.parties.map((p) => ({
    id: p.id,
    kind: p.kind,
    label: p.label,
    description: p.description,
    ...('appId' in p ? { appId: p.appId } : {}),
    ...('baseUrl' in p
      ? { url: p.baseUrl }
      : p.kind === 'authority'
        ? { url: runtime.partyUrls.get(p.id) }
        : {}),
    position: effective.layout[p.id] ?? { x: 0, y: 0 },
  }));
  // The decisive error: the authority's last one (its own words; an earlier one may have been
  // recovered from, as a claims challenge is), else the first error carrying an AADSTS code (a
  // relayed one), else the last error of the run (a client-side check, or an API refusal).
  const authorityId = effective.parties.find((p) => p.kind === 'authority')?.id;
  const firstError =
    [...steps].reverse().find((s) => s.from === authorityId && s.error?.code !== undefined) ??
    steps.find((s) => s.error?.code !== undefined) ??
    [...steps].reverse().find((s) => s.error);
  const result = outcome.pending
    ? { ok: false, summary: `Waiting for you: ${PROMPT_SUMMARY[outcome.pending.prompt]}` }
    : outcome.ok
      ? { ok: true, summary: `Completed in ${steps.length} messages.` }
      : {
          ok: false,
          summary:
            `Stopped: ${firstError?.error?.code ? `AADSTS${firstError.error.code} ` : ''}${firstError?.error?.title ?? `HTTP ${outcome.status ?? ''}`}`.trim(),
        };
  return {
    scenarioId: effective.id,
    title: effective.title,
    variants: [...variants],
    seed,
    startTime: effective.startTime,
    parties,
    startingFacts,
    steps,
    tokens: await inspectRunTokens(steps, startingFacts, effective.directory),
    result,
    ...(outcome.pending ? { pendingPrompt: outcome.pending } : {}),
    decisions: outcome.used,
  };
}
