// Runs a scenario from start to end and returns the whole trace as a value.
import { DOCS } from '../errors';
import { runClientProgram } from '../parties/client/client';
import { inspectRunTokens } from './inspect';
import type { RawStep } from './network';
import { createRuntime, mintStartingTokens } from './runtime';
import type { ClientParty, Narration, ScenarioDefinition } from './scenario';
import type { PartyView, SimStep, SimulationRun, StartingFact } from './trace';

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Ids of the what-if variants to apply, in any order. */
  variants?: string[];
  /** Seed of the random generator (ids, lifetimes, codes). Default 1. */
  seed?: number;
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
    const chosen = step.outcome === 'error' ? (entry.error ?? entry.response) : entry.response;
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
  const starter = effective.parties.find(
    (p): p is ClientParty => p.id === effective.starter && 'program' in p,
  );
  if (!starter)
    throw new Error(
      `Scenario ${effective.id}: starter "${effective.starter}" is not a client party.`,
    );
  const outcome = await runClientProgram(starter, tokens, {
    network: runtime.network,
    clock: runtime.clock,
    random: runtime.random,
    tenantId: effective.tenantId,
    partyUrls: runtime.partyUrls,
  });
  const labels = new Map(effective.parties.map((p) => [p.id, p.label]));
  const steps: SimStep[] = runtime.network.steps.map((raw) => ({
    ...raw,
    narration: narrate(effective, raw, labels),
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
  const firstError = steps.find((s) => s.error);
  const result = outcome.ok
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
  };
}
