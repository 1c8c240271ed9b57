// Runs a scenario from start to end and returns the whole trace as a value.
import { runClientProgram } from '../parties/client/client';
import type { ClientState } from '../parties/client/client';
import { registerSignUpPages } from '../parties/client/sign-up';
import { inspectRunTokens, sightTokens } from './inspect';
import { createRuntime, mintStartingTokens } from './runtime';
import type {
  BrowserParty,
  ClientParty,
  PromptPreset,
  ScenarioDefinition,
  UserDecision,
} from '../model/scenario';
import type {
  PartyView,
  PendingPrompt,
  SimStep,
  SimulationRun,
  StartingFact,
} from '../model/trace';
import { runBrowserProgram } from '../parties/browser/browser';
import { browserTag, firstNameOfBrowserUser, narrate, personalise } from './narration';
import { applyVariants } from './variants';

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

const PROMPT_SUMMARY: Record<PendingPrompt['prompt'], string> = {
  'sign-in': 'sign in to continue.',
  mfa: 'approve the MFA request to continue.',
  consent: 'accept or cancel the consent prompt.',
  clock: 'let simulated time pass.',
};

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
  // The clients' named tokens and token cache, shared with a multi-tenant client's sign-up page.
  const clientState: ClientState = { tokens, cache: new Map() };
  registerSignUpPages(runtime.network, runtime.clients, clientState, runtime.apiEnv);
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
    outcome = await runClientProgram(
      client,
      clientState,
      {
        network: runtime.network,
        clock: runtime.clock,
        random: runtime.random,
        tenantId: effective.tenantId,
        partyUrls: runtime.partyUrls,
      },
      { decisions, presets, answerPresets: options.decisions === 'script' },
    );
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
    // A single-page app is drawn as one, though the web app party runs it.
    kind: p.kind === 'web-app' && p.singlePageApp ? 'spa' : p.kind,
    label: p.label,
    description: p.description,
    ...('appId' in p ? { appId: p.appId } : {}),
    ...('baseUrl' in p
      ? { url: p.baseUrl }
      : p.kind === 'authority'
        ? { url: runtime.partyUrls.get(p.id) }
        : p.kind === 'daemon' && p.signUp
          ? { url: p.signUp.baseUrl }
          : {}),
    ...('trustedUserHeader' in p && p.trustedUserHeader
      ? { trustedUserHeader: p.trustedUserHeader }
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
          ...(firstError ? { failedStep: firstError.index } : {}),
        };
  const inspected = await inspectRunTokens(steps, startingFacts, effective.directory);
  return {
    scenarioId: effective.id,
    title: effective.title,
    variants: [...variants],
    seed,
    startTime: effective.startTime,
    parties,
    startingFacts,
    steps,
    tokens: inspected,
    tokenSightings: sightTokens(steps, Object.keys(inspected)),
    result,
    ...(outcome.pending ? { pendingPrompt: outcome.pending } : {}),
    decisions: outcome.used,
  };
}
