// Test support: every scenario x (no what-if, each what-if) run with its scripted decisions.
import { runScenario } from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';

/** One run of the catalogue, named `scenario` or `scenario--what-if`. */
export interface NamedRun {
  name: string;
  run: SimulationRun;
}

let cached: Promise<NamedRun[]> | undefined;

/** Every scenario alone and with each of its what-ifs, decisions from the script (computed once). */
export function allRuns(): Promise<NamedRun[]> {
  cached ??= Promise.all(
    SCENARIOS.flatMap((scenario) =>
      [undefined, ...scenario.variants.map((variant) => variant.id)].map(async (variant) => ({
        name: variant ? `${scenario.id}--${variant}` : scenario.id,
        run: await runScenario(scenario, {
          variants: variant ? [variant] : [],
          decisions: 'script',
        }),
      })),
    ),
  );
  return cached;
}
