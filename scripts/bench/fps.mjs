// Frame rate while packets animate: "Play", then requestAnimationFrame deltas for 3 seconds.
import { formatNumber, record, stats } from './report.mjs';
import { appControls, handleOf, loadAndWaitReady, withPage } from './page.mjs';

export const FPS_BUDGET = { budget: '60 fps', limit: 58 };

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
export async function benchFps(browser, section) {
  await withPage(browser, 'no-preference', async (page) => {
    await loadAndWaitReady(page);
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
    const note = `${result.frames} rAF frames in ${formatNumber(result.elapsed)} ms while playing (${result.stepsPlayed} steps, ${result.animationsSeen} running animation(s) seen); frame p95 ${formatNumber(d.p95)} ms, max ${formatNumber(d.max)} ms, ${long} frames > 25 ms; 4-party scenario (no 40-party scenario exists yet)`;
    record(section, 'Frames per second while packets animate', fps, {
      unit: 'fps',
      ...FPS_BUDGET,
      higherIsBetter: true,
      note:
        result.animationsSeen === 0
          ? `no running animation seen: packets may not animate. ${note}`
          : note,
    });
  });
}
