// One derived value per run object, so selectors and memos return stable references.
import type { SimulationRun } from '../../engine/wire';

/** Caches one derived value per run object (weakly: a dropped run drops its views). */
export function memoByRun<T>(build: (run: SimulationRun) => T): (run: SimulationRun) => T {
  const cache = new WeakMap<SimulationRun, T>();
  return (run) => {
    let value = cache.get(run);
    if (value === undefined) {
      value = build(run);
      cache.set(run, value);
    }
    return value;
  };
}
