// What-if variants: applied in the scenario's declared order to a deep copy of its data.
import type { ScenarioDefinition } from '../model/scenario';

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
