// The scenario catalogue as the picker and the "What if..." panel need it.
import type { ScenarioDefinition, ScenarioId, VariantDefinition } from '../engine/index';
import { SCENARIOS, getScenario } from '../scenarios/index';

/** A group of the scenario picker. */
export interface ScenarioGroup {
  category: ScenarioDefinition['category'];
  scenarios: { id: ScenarioId; title: string }[];
}

/** Scenarios grouped by category, in catalogue order. */
export const SCENARIO_GROUPS: readonly ScenarioGroup[] = (() => {
  const groups = new Map<ScenarioDefinition['category'], ScenarioGroup>();
  for (const scenario of SCENARIOS) {
    let group = groups.get(scenario.category);
    if (!group) {
      group = { category: scenario.category, scenarios: [] };
      groups.set(scenario.category, group);
    }
    group.scenarios.push({ id: scenario.id, title: scenario.title });
  }
  return [...groups.values()];
})();

/** Whether `id` names a scenario of the catalogue. */
export function isScenarioId(id: string): id is ScenarioId {
  return SCENARIOS.some((s) => s.id === id);
}

/** The scenario definition for an id (throws for an unknown id). */
export function scenarioById(id: ScenarioId): ScenarioDefinition {
  return getScenario(id);
}

const NO_VARIANTS: readonly VariantDefinition[] = [];

/** The what-if switches of a scenario; an empty list when the id is unknown. */
export function variantsOf(id: ScenarioId): readonly VariantDefinition[] {
  return SCENARIOS.find((s) => s.id === id)?.variants ?? NO_VARIANTS;
}
