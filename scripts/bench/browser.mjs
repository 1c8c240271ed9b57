// (b) The built app in headless Debian Chromium (playwright-core), launched with the settings the
// e2e journeys use (scripts/chromium.mjs), the build served with `vite preview --port 4174`.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ensureBuild, startPreview } from './build.mjs';
import { benchBundleSize } from './bundle-size.mjs';
import { CANVAS_BUDGET, benchCanvas } from './canvas.mjs';
import { FPS_BUDGET, benchFps } from './fps.mjs';
import { HEAP_BUDGET, benchHeap } from './heap.mjs';
import { BASE_URL, PORT, remainingMs } from './options.mjs';
import { errorText, notAvailable, withTimeout } from './report.mjs';
import { STEP_BUDGET, benchSteps } from './steps.mjs';

const SECTION = 'Built app (headless Chromium)';

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {[string, (browser: Browser, section: string) => Promise<void>, import('./report.mjs').RecordOptions]} Measurement
 */

/** @type {Measurement[]} */
const MEASUREMENTS = [
  ['Canvas interactive', benchCanvas, CANVAS_BUDGET],
  ['Step latency', benchSteps, STEP_BUDGET],
  ['Frames per second while packets animate', benchFps, FPS_BUDGET],
  ['JS heap after every scenario', benchHeap, HEAP_BUDGET],
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
    for (const [name, measure, budget] of MEASUREMENTS) {
      const remaining = remainingMs();
      if (remaining < 10_000) {
        notAvailable(SECTION, name, 'skipped: time budget of the bench exhausted', budget);
        continue;
      }
      try {
        await withTimeout(measure(browser, SECTION), Math.min(60_000, remaining - 5_000), name);
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
