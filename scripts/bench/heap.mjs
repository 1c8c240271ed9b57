// Memory: every scenario of the picker stepped to its end in one page (prompts answered as the
// person would: sign in, accept, approve, or the clock past token expiry), then the JS heap after GC.
import { formatNumber, record } from './report.mjs';
import { appControls, handleOf, loadAndWaitReady, withPage } from './page.mjs';

export const HEAP_BUDGET = { budget: '<= 40 MB', limit: 40 };

/** The answer that lets each prompt's flow go on, by the button's accessible name. */
const GO_ON = /^(Sign in|Accept|Approve)$/;

/**
 * Steps the current scenario to its end; returns the number of steps.
 * @param {import('playwright-core').Page} page
 */
async function stepToEnd(page) {
  const app = appControls(page);
  const counter = await handleOf(app.counter);
  const next = await handleOf(app.next);
  // The new run is ready: back at step 0 of a non-empty run, "Next step" enabled.
  await page.waitForFunction(
    ({ counter, next }) => {
      const step = window.__bench.stepOf(counter);
      return (
        step !== undefined &&
        step.n === 0 &&
        step.total > 0 &&
        !(/** @type {HTMLButtonElement} */ (next).disabled)
      );
    },
    { counter, next },
    { timeout: 15_000 },
  );
  let steps = 0;
  let answers = 0;
  for (;;) {
    const before = await counter.evaluate((el) => window.__bench.stepOf(el)?.n ?? 0);
    if (await app.next.isEnabled()) {
      await app.next.click();
    } else {
      const dialogAnswer = app.dialog.getByRole('button', { name: GO_ON });
      const clockAnswer = app.clock.getByRole('button', { name: /expiry/i });
      const answer = (await dialogAnswer.count())
        ? dialogAnswer.first()
        : (await clockAnswer.count())
          ? clockAnswer.first()
          : app.clock.getByRole('button').first();
      if (answers >= 10 || (await answer.count()) === 0) break;
      await answer.click();
      answers += 1;
    }
    await page.waitForFunction(
      ({ counter, before }) => (window.__bench.stepOf(counter)?.n ?? -1) > before,
      { counter, before },
      { timeout: 5000 },
    );
    steps += 1;
  }
  return steps;
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
export async function benchHeap(browser, section) {
  await withPage(browser, 'reduce', async (page) => {
    await loadAndWaitReady(page);
    const { picker } = appControls(page);
    const options = await picker
      .getByRole('option')
      .evaluateAll((all) =>
        /** @type {HTMLOptionElement[]} */ (all)
          .filter((o) => !o.disabled && o.value)
          .map((o) => o.value),
      );
    if (options.length === 0) throw new Error('the scenario picker has no options');
    const visited = [];
    for (const value of options) {
      await picker.selectOption(value);
      visited.push(`${value} (${await stepToEnd(page)})`);
    }
    await page.evaluate(() => window.__bench.nextFrame());
    const cdp = await page.context().newCDPSession(page);
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    /** @param {number} bytes */
    const mb = (bytes) => bytes / (1024 * 1024);
    record(section, 'JS heap used after every scenario to its end', mb(after.usedSize), {
      unit: 'MB',
      ...HEAP_BUDGET,
      note: `after GC (before GC ${formatNumber(mb(before.usedSize))} MB); ${options.length} scenarios stepped: ${visited.join(', ')}`,
    });
  });
}
