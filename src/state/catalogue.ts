// The scenario catalogue as the picker and the "What if..." panel need it.
import type { ScenarioDefinition, ScenarioId, VariantDefinition } from '../engine/index';
import type { AppState } from './types';

/** A what-if switch as the "What if..." panel shows it (no `apply`: plain data). */
export type VariantSummary = Pick<VariantDefinition, 'id' | 'label' | 'description'>;

/**
 * What the screen shows of a scenario before its definition is needed: the picker (id, title,
 * category), the inspector's introduction (summary, docs) and the "What if..." panel (the switches'
 * ids, labels and descriptions). Plain JSON data: the prerendered first screen carries it for every
 * scenario, so the page hydrates without the catalogue chunk. A {@link ScenarioDefinition} is one.
 */
export interface ScenarioSummary extends Pick<
  ScenarioDefinition,
  'id' | 'title' | 'summary' | 'category' | 'docs'
> {
  variants: readonly VariantSummary[];
}

const summaryCache = new WeakMap<readonly ScenarioDefinition[], readonly ScenarioSummary[]>();

/** The catalogue's {@link ScenarioSummary}s, as plain data (cached per catalogue). */
export function summariseCatalogue(
  catalogue: readonly ScenarioDefinition[],
): readonly ScenarioSummary[] {
  const cached = summaryCache.get(catalogue);
  if (cached) return cached;
  const summaries = catalogue.map(
    ({ id, title, summary, category, docs, variants }): ScenarioSummary => ({
      id,
      title,
      summary,
      category,
      docs,
      variants: variants.map(({ id: variant, label, description }) => ({
        id: variant,
        label,
        description,
      })),
    }),
  );
  summaryCache.set(catalogue, summaries);
  return summaries;
}

/**
 * The scenarios the screen can list: the loaded catalogue's summaries, else those the prerendered
 * first screen brought (`scenarioIndex`), else `null` (nothing known yet). Stable per catalogue.
 */
export function selectScenarioIndex(s: AppState): readonly ScenarioSummary[] | null {
  return s.catalogue ? summariseCatalogue(s.catalogue) : s.scenarioIndex;
}

/** A group of the scenario picker. */
export interface ScenarioGroup {
  category: ScenarioDefinition['category'];
  scenarios: { id: ScenarioId; title: string }[];
}

const groupCache = new WeakMap<readonly ScenarioSummary[], ScenarioGroup[]>();

/** Scenarios grouped by category, in catalogue order (cached per list). */
export function groupScenarios(catalogue: readonly ScenarioSummary[]): ScenarioGroup[] {
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
