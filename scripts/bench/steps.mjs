// Step latency: click "Next step" -> the inspector shows that step, with reduced motion (animation
// excluded). The controls are found by role and name; the clicks and the clock run in the page, so
// no round trip to Playwright is timed.
import { formatNumber, record, stats } from './report.mjs';
import { appControls, handleOf, loadAndWaitReady, withPage } from './page.mjs';

export const STEP_BUDGET = { budget: '<= 16 ms p95', limit: 16 };

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
export async function benchSteps(browser, section) {
  await withPage(browser, 'reduce', async (page) => {
    await loadAndWaitReady(page);
    const app = appControls(page);
    const controls = {
      next: await handleOf(app.next),
      reset: await handleOf(app.reset),
      counter: await handleOf(app.counter),
      inspector: await handleOf(app.inspector),
    };
    const result = await page.evaluate(
      async ({ next, reset, counter, inspector, samples }) => {
        const b = window.__bench;
        /** @type {number[]} */
        const dom = [];
        /** @type {number[]} */
        const frame = [];
        const backToStart = async () => {
          if (!(/** @type {HTMLButtonElement} */ (reset).disabled)) {
            reset.click();
            await b.until(
              () =>
                !(/** @type {HTMLButtonElement} */ (next).disabled) &&
                (b.stepOf(counter)?.n ?? 0) === 0,
            );
          }
          await b.nextFrame();
        };
        await backToStart();
        const warmUp = 3;
        while (dom.length < samples + warmUp) {
          if (/** @type {HTMLButtonElement} */ (next).disabled) {
            await backToStart();
            continue;
          }
          const expected = (b.stepOf(counter)?.n ?? 0) + 1;
          await b.nextFrame();
          const t0 = performance.now();
          next.click();
          await b.until(() => b.inspectorStep(inspector)?.n === expected, 5000);
          const t1 = performance.now();
          await b.nextFrame();
          const t2 = performance.now();
          dom.push(t1 - t0);
          frame.push(t2 - t0);
        }
        return { dom: dom.slice(warmUp), frame: frame.slice(warmUp) };
      },
      { ...controls, samples: 40 },
    );
    const dom = stats(result.dom);
    const frame = stats(result.frame);
    record(section, 'Step latency, click -> inspector updated (p95)', dom.p95, {
      unit: 'ms',
      ...STEP_BUDGET,
      note: `reduced motion (animation excluded); ${dom.n} steps of obo-secret, median ${formatNumber(dom.median)} ms, min ${formatNumber(dom.min)} ms, max ${formatNumber(dom.max)} ms`,
    });
    record(section, 'Step latency incl. next frame (median)', frame.median, {
      unit: 'ms',
      note: `click -> DOM updated -> rAF + task, so it includes waiting for the next vsync (up to 16.7 ms); p95 ${formatNumber(frame.p95)} ms`,
    });
  });
}
