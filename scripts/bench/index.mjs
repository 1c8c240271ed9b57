// `npm run bench`: measures the budgets of DESIGN.md section 9 and prints them. Never asserts.
//
// (a) Headless engine in Node (engine.mjs).
// (b) The built app in headless Debian Chromium (browser.mjs): initial JavaScript, canvas
//     interactive, first paint and canvas against floor pages built in the same run (floors.mjs,
//     first-paint.mjs), step latency, frame rate, heap; one module per measurement.
//
// Options: --engine-only, --browser-only, --build (force a rebuild), --runs N (engine runs, default 200).
import { availableParallelism, loadavg } from 'node:os';
import { benchBrowser } from './browser.mjs';
import { benchEngine } from './engine.mjs';
import { DEADLINE_MS, ENGINE_RUNS, flag, startedAt } from './options.mjs';
import { printTable } from './report.mjs';

const watchdog = setTimeout(() => {
  console.error('bench: watchdog fired; printing what was measured.');
  printTable();
  process.exit(0);
}, DEADLINE_MS + 5_000);
watchdog.unref();

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `OAuth Flow Simulator bench: Node ${process.version}, ${availableParallelism()} CPU(s), load average ${load}, ${ENGINE_RUNS} engine runs per scenario`,
);
if (!flag('--browser-only')) await benchEngine();
if (!flag('--engine-only')) await benchBrowser();
printTable();
console.log(
  `Total bench time ${((performance.now() - startedAt) / 1000).toFixed(1)} s; load average now ${loadavg()[0]?.toFixed(2)} (other work on the machine skews the figures).`,
);
clearTimeout(watchdog);
