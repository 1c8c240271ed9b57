// An edited world <-> a scenario definition, without zod (the store's first chunk uses this file).
import type { ScenarioDefinition, ScenarioId, VariantDefinition } from '../../engine/index';
import type { World } from './schema';

/** Version of the world format; a file or link of another version is refused with a message. */
export const WORLD_VERSION = 1;

/** The world of a scenario (a deep copy of its data, without `id` and what-if functions). */
export function worldFromScenario(def: ScenarioDefinition): World {
  const { id, variants: _variants, ...data } = def;
  return { version: WORLD_VERSION, baseScenario: id, ...structuredClone(data) } as World;
}

/**
 * A runnable scenario from a world: its data with the id and what-ifs of `baseScenario` from
 * `catalogue`, keeping only the what-ifs that apply to the edited data without an error (should
 * one still fail on a later run, the run fails with a sentence naming it). Throws `Error` when the catalogue has no
 * scenario `baseScenario`.
 */
export function scenarioFromWorld(
  world: World,
  catalogue: readonly ScenarioDefinition[],
): ScenarioDefinition {
  const base = catalogue.find((s) => s.id === world.baseScenario);
  if (!base)
    throw new Error(
      `This version has no scenario "${world.baseScenario}" for the edited world to build on.`,
    );
  const { version: _version, baseScenario: _base, ...data } = world;
  // Only the what-ifs that fit the edited data are offered: one that throws on a copy of it
  // (it names a party or app the world no longer has) would be a switch that cannot work.
  const trial = { ...data, id: base.id, variants: [] } as ScenarioDefinition;
  const fits = (variant: VariantDefinition): boolean => {
    try {
      variant.apply(structuredClone(trial));
      return true;
    } catch {
      return false;
    }
  };
  const variants = base.variants.filter(fits).map((variant): VariantDefinition => ({
    ...variant,
    apply: (scenario) => {
      try {
        return variant.apply(scenario);
      } catch (error) {
        throw new Error(
          `The what-if "${variant.label}" does not fit the edited world (${error instanceof Error ? error.message : 'it failed'}).`,
        );
      }
    },
  }));
  return {
    ...(structuredClone(data) as Omit<ScenarioDefinition, 'id' | 'variants'>),
    id: base.id as ScenarioId,
    variants,
  };
}
