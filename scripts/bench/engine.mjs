// (a) Headless engine in Node: the TypeScript engine is bundled once with rolldown (Vite's bundler)
// into node_modules/.tmp/bench/engine.mjs, warmed up (fixture keys are imported once and cached),
// then whole scenario runs are timed with performance.now().
import { join } from 'node:path';
import { bundleForNode } from './node-bundle.mjs';
import { ENGINE_RUNS, ROOT } from './options.mjs';
import { errorText, formatNumber, notAvailable, record, stats } from './report.mjs';

const SECTION = 'Headless engine (Node)';

/**
 * What the bench uses of the engine, as the bundle exports it.
 * @typedef {object} EngineBundle
 * @property {(id: string) => unknown} getScenario
 * @property {(scenario: unknown, options: { seed: number }) => Promise<{ steps: unknown[], result: { ok: boolean } }>} runScenario
 */

/** @returns {Promise<EngineBundle>} */
async function loadEngine() {
  return /** @type {Promise<EngineBundle>} */ (
    bundleForNode('engine', {
      runScenario: join(ROOT, 'src', 'engine', 'index.ts'),
      getScenario: join(ROOT, 'src', 'scenarios', 'index.ts'),
    })
  );
}

const BUDGET = { budget: '<= 5 ms', limit: 5 };

/** Times whole runs of the OBO and client-credentials scenarios. */
export async function benchEngine() {
  let engine;
  try {
    engine = await loadEngine();
  } catch (error) {
    notAvailable(
      SECTION,
      'Full OBO run (obo-secret), median',
      `engine bundle failed: ${errorText(error)}`,
      BUDGET,
    );
    return;
  }
  const cases = [
    { id: 'obo-secret', budget: true },
    { id: 'obo-certificate', budget: false },
    { id: 'cc-secret', budget: false },
    { id: 'cc-certificate', budget: false },
  ];
  for (const { id, budget } of cases) {
    try {
      const scenario = engine.getScenario(id);
      // Warm-up: the first run imports the fixture keys (cached afterwards) and lets the JIT settle.
      const first = await engine.runScenario(scenario, { seed: 1 });
      for (let i = 0; i < 20; i += 1) await engine.runScenario(scenario, { seed: 1 });
      const times = [];
      for (let i = 0; i < ENGINE_RUNS; i += 1) {
        const t0 = performance.now();
        await engine.runScenario(scenario, { seed: 1 + (i % 7) });
        times.push(performance.now() - t0);
      }
      const s = stats(times);
      const what = `${first.steps.length} messages, ${first.result.ok ? 'completes' : 'stops with an error'}; ${s.n} runs, mean ${formatNumber(s.mean)} ms, min ${formatNumber(s.min)} ms`;
      const name = budget ? 'Full OBO run' : 'Run';
      record(SECTION, `${name} (${id}), median`, s.median, {
        unit: 'ms',
        ...(budget ? BUDGET : {}),
        note: what,
      });
      record(SECTION, `${name} (${id}), p95`, s.p95, { unit: 'ms' });
    } catch (error) {
      notAvailable(SECTION, `Run (${id})`, errorText(error), budget ? BUDGET : {});
    }
  }
}
