// The scenario catalogue as the picker and the "What if..." panel need it.
import type { ScenarioDefinition, ScenarioId, VariantDefinition } from '../engine/index';

/** A group of the scenario picker. */
export interface ScenarioGroup {
  category: ScenarioDefinition['category'];
  scenarios: { id: ScenarioId; title: string }[];
}

const groupCache = new WeakMap<readonly ScenarioDefinition[], ScenarioGroup[]>();

/** Scenarios grouped by category, in catalogue order (cached per catalogue). */
export function groupScenarios(catalogue: readonly ScenarioDefinition[]): ScenarioGroup[] {
  const cached = groupCache.get(catalogue);
  if (cached) return cached;
  const groups = new Map<ScenarioDefinition['category'], ScenarioGroup>();
  for (const scenario of catalogue) {
    let group = groups.get(scenario.category);
    if (!group) {
      group = { category: scenario.category, scenarios: [] };
      groups.set(scenario.category, group);
    }
    group.scenarios.push({ id: scenario.id, title: scenario.title });
  }
  const result = [...groups.values()];
  groupCache.set(catalogue, result);
  return result;
}

/** The scenario with `id`, or `undefined` when the catalogue has none (or is not loaded). */
export function findScenario(
  catalogue: readonly ScenarioDefinition[] | null,
  id: string,
): ScenarioDefinition | undefined {
  return catalogue?.find((s) => s.id === id);
}

const NO_VARIANTS: readonly VariantDefinition[] = [];

/** The what-if switches of a scenario; an empty list when unknown or not loaded. */
export function variantsOf(
  catalogue: readonly ScenarioDefinition[] | null,
  id: ScenarioId,
): readonly VariantDefinition[] {
  return findScenario(catalogue, id)?.variants ?? NO_VARIANTS;
}
