// The parties as the canvas draws them, their labels, and the links between those that talk.
import type { PartyId, PartyView, ScenarioDefinition, SimulationRun } from '../../engine/wire';
import { memoByRun } from './memo';

/** The label of a party, or its id when the run does not know it. */
export function partyLabel(run: SimulationRun, id: PartyId): string {
  return run.parties.find((p) => p.id === id)?.label ?? id;
}

/** A pair of parties that exchange at least one message: one canvas edge. */
export interface PartyLink {
  id: string;
  source: PartyId;
  target: PartyId;
  /** Index of the first step on this link. */
  firstStep: number;
}

/** The id of the canvas edge between two parties (order-independent). */
export function linkId(a: PartyId, b: PartyId): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

/** Every pair of parties that exchange messages in the run, in order of first message. */
export const buildLinks = memoByRun((run: SimulationRun): PartyLink[] => {
  const links = new Map<string, PartyLink>();
  for (const step of run.steps) {
    const id = linkId(step.from, step.to);
    if (!links.has(id))
      links.set(id, { id, source: step.from, target: step.to, firstStep: step.index });
  }
  return [...links.values()];
});

const scenarioPartyCache = new WeakMap<ScenarioDefinition, PartyView[]>();

/**
 * The parties of a scenario as the canvas draws them, straight from its definition (labels,
 * kinds, layout), so the diagram appears before the first run has finished. The run's own
 * parties (with variants applied and the authority's URL) replace them when it lands.
 */
export function scenarioParties(scenario: ScenarioDefinition): PartyView[] {
  const cached = scenarioPartyCache.get(scenario);
  if (cached) return cached;
  const parties = scenario.parties.map((p): PartyView => ({
    id: p.id,
    kind: p.kind === 'web-app' && p.singlePageApp ? 'spa' : p.kind,
    label: p.label,
    description: p.description,
    ...('appId' in p ? { appId: p.appId } : {}),
    ...('baseUrl' in p ? { url: p.baseUrl } : {}),
    position: scenario.layout[p.id] ?? { x: 0, y: 0 },
  }));
  scenarioPartyCache.set(scenario, parties);
  return parties;
}

/** The parties of a run keyed by id. */
export const partiesById = memoByRun(
  (run: SimulationRun): Map<PartyId, PartyView> => new Map(run.parties.map((p) => [p.id, p])),
);
