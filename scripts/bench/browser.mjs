// (b) The built app in headless Debian Chromium (playwright-core), launched with the settings the
// e2e journeys use (scripts/chromium.mjs), the build served with `vite preview --port 4174`.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ensureBuild, startPreview } from './build.mjs';
import { benchBundleSize } from './bundle-size.mjs';
import { CANVAS_BUDGET, benchCanvas } from './canvas.mjs';
import { CANVAS_FLOOR_BUDGET, PAINT_BUDGET, benchFirstPaint } from './first-paint.mjs';
import { FPS_BUDGET, benchFps } from './fps.mjs';
import { HEAP_BUDGET, benchHeap } from './heap.mjs';
import { BASE_URL, PORT, remainingMs } from './options.mjs';
import { errorText, notAvailable, withTimeout } from './report.mjs';
import { STEP_BUDGET, benchSteps } from './steps.mjs';

const SECTION = 'Built app (headless Chromium)';

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {(browser: Browser, section: string, distDir: string) => Promise<void>} Measure
 * @typedef {[string, Measure, import('./report.mjs').RecordOptions, number]} Measurement
 */

/** What is measured in the browser: name, module, budget, time allowed (ms). */
/** @type {Measurement[]} */
const MEASUREMENTS = [
  ['Canvas interactive', benchCanvas, CANVAS_BUDGET, 60_000],
  ['Against floors', benchFirstPaint, { ...PAINT_BUDGET, ...CANVAS_FLOOR_BUDGET }, 100_000],
  ['Step latency', benchSteps, STEP_BUDGET, 60_000],
  ['Frames per second while packets animate', benchFps, FPS_BUDGET, 60_000],
  ['JS heap after every scenario', benchHeap, HEAP_BUDGET, 60_000],
];

/** Builds (when needed), sizes the bundle, then measures the app in Chromium. */
export async function benchBrowser() {
  let build;
  try {
    build = await ensureBuild();
  } catch (error) {
    notAvailable(SECTION, 'Build', errorText(error));
    return;
  }
  benchBundleSize(SECTION, build.dir, build.note);

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    notAvailable(SECTION, 'Browser figures', `playwright-core unavailable: ${errorText(error)}`);
    return;
  }
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  /** @type {Browser | undefined} */
  let browser;
  try {
    server = await startPreview(build.dir, PORT);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    console.log(`Chromium ${browser.version()}, serving dist/ on ${BASE_URL}`);
    for (const [name, measure, budget, allowed] of MEASUREMENTS) {
      const remaining = remainingMs();
      if (remaining < 10_000) {
        notAvailable(SECTION, name, 'skipped: time budget of the bench exhausted', budget);
        continue;
      }
      try {
        const ms = Math.min(allowed, remaining - 5_000);
        await withTimeout(measure(browser, SECTION, build.dir), ms, name);
      } catch (error) {
        notAvailable(SECTION, name, errorText(error), budget);
      }
    }
  } catch (error) {
    notAvailable(SECTION, 'Browser figures', errorText(error));
  } finally {
    await browser?.close().catch(() => {});
    if (server && server.exitCode === null) server.kill('SIGTERM');
  }
}
