// Real runs the view tests read (each computed once), and small finders over them.
import { runScenario } from '../../engine/index';
import type { RunOptions, ScenarioId, SimStep, SimulationRun } from '../../engine/index';
import { getScenario } from '../../scenarios/index';
import { buildStepDetail, type StepDetail } from './index';

const cache = new Map<string, Promise<SimulationRun>>();

/** The run of `id` with `options` (seed 1), computed once per test file. */
export function run(id: ScenarioId, options: RunOptions = {}): Promise<SimulationRun> {
  const key = `${id} ${JSON.stringify(options)}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = runScenario(getScenario(id), { seed: 1, ...options });
    cache.set(key, pending);
  }
  return pending;
}

/** The app id of a party of the run. */
export function appId(of: SimulationRun, party: string): string {
  const found = of.parties.find((p) => p.id === party)?.appId;
  if (!found) throw new Error(`no app id for ${party}`);
  return found;
}

/** The index of the OBO token response. */
export function oboResponseIndex(of: SimulationRun): number {
  return of.steps.findIndex((s) => s.kind === 'response' && s.tag === 'obo');
}

/** The step detail of the first step that passes `test`. */
export function detailWhere(of: SimulationRun, test: (step: SimStep) => boolean): StepDetail {
  const step = of.steps.find(test);
  const detail = step ? buildStepDetail(of, step.index) : null;
  if (!detail) throw new Error('step not found');
  return detail;
}
