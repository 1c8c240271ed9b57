// Frame rate while packets animate: "Play", then requestAnimationFrame deltas for 3 seconds, in the
// default scenario (4 parties) and in the editor's generated 40-party world (world-link.mjs), which
// the budget is about.
import { BASE_URL } from './options.mjs';
import { errorText, formatNumber, notAvailable, record, stats } from './report.mjs';
import { appControls, handleOf, loadAndWaitReady, withPage } from './page.mjs';
import { WORLD_PARTIES, worldLinkFragment } from './world-link.mjs';

export const FPS_BUDGET = { budget: '60 fps', limit: 58 };

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
export async function benchFps(browser, section) {
  let fragment = null;
  try {
    fragment = await worldLinkFragment();
  } catch (error) {
    notAvailable(
      section,
      `Frames per second, ${WORLD_PARTIES} parties`,
      errorText(error),
      FPS_BUDGET,
    );
  }
  if (fragment) {
    await measureFps(browser, section, `${BASE_URL}#${fragment}`, {
      name: `Frames per second while packets animate, ${WORLD_PARTIES} parties`,
      what: `fanOutWorld(${WORLD_PARTIES}) of src/scenarios/generated/fan-out.ts, opened by link`,
      budget: FPS_BUDGET,
    });
  } else {
    notAvailable(
      section,
      `Frames per second, ${WORLD_PARTIES} parties`,
      'no generated world (src/scenarios/generated/fan-out.ts) in this checkout',
      FPS_BUDGET,
    );
  }
  await measureFps(browser, section, BASE_URL, {
    name: 'Frames per second while packets animate, 4 parties',
    what: 'default scenario obo-secret',
    budget: {},
  });
}

/**
 * Plays the flow `url` opens and counts frames.
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 * @param {string} url
 * @param {{ name: string, what: string, budget: import('./report.mjs').RecordOptions }} figure
 */
async function measureFps(browser, section, url, figure) {
  await withPage(browser, 'no-preference', async (page) => {
    await loadAndWaitReady(page, url);
    const app = appControls(page);
    if (!(await app.play.isEnabled())) throw new Error('"Play" is disabled');
    const play = await handleOf(app.play);
    const counter = await handleOf(app.counter);
    const result = await page.evaluate(
      async ({ play, counter, durationMs }) => {
        const b = window.__bench;
        const startStep = b.stepOf(counter)?.n ?? 0;
        play.click();
        /** @type {number[]} */
        const deltas = [];
        let animationsSeen = 0;
        let last = await new Promise((r) => requestAnimationFrame(r));
        const start = last;
        await new Promise((resolvePromise) => {
          /** @param {number} now */
          const tick = (now) => {
            deltas.push(now - last);
            last = now;
            const running = document.getAnimations
              ? document.getAnimations().filter((a) => a.playState === 'running').length
              : 0;
            animationsSeen = Math.max(animationsSeen, running);
            if (now - start < durationMs) requestAnimationFrame(tick);
            else resolvePromise(undefined);
          };
          requestAnimationFrame(tick);
        });
        return {
          frames: deltas.length,
          elapsed: last - start,
          deltas,
          animationsSeen,
          stepsPlayed: (b.stepOf(counter)?.n ?? 0) - startStep,
        };
      },
      { play, counter, durationMs: 3000 },
    );
    if (await app.pause.isVisible()) await app.pause.click();
    const fps = (result.frames / result.elapsed) * 1000;
    const d = stats(result.deltas);
    const long = result.deltas.filter((x) => x > 25).length;
    const note = `${figure.what}: ${result.frames} rAF frames in ${formatNumber(result.elapsed)} ms while playing (${result.stepsPlayed} steps, ${result.animationsSeen} running animation(s) seen); frame p95 ${formatNumber(d.p95)} ms, max ${formatNumber(d.max)} ms, ${long} frames > 25 ms`;
    record(section, figure.name, fps, {
      unit: 'fps',
      ...figure.budget,
      higherIsBetter: true,
      note:
        result.animationsSeen === 0
          ? `no running animation seen: packets may not animate. ${note}`
          : note,
    });
  });
}
