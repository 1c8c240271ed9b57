// Canvas interactive: navigation start -> every party node visible with a non-empty box, "Play"
// enabled and that frame painted (page.mjs), over cold loads (a new context each time).
import { formatNumber, median, record } from './report.mjs';
import { loadAndWaitReady, withPage } from './page.mjs';

export const CANVAS_BUDGET = { budget: '<= 300 ms', limit: 300 };

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
export async function benchCanvas(browser, section) {
  /** @type {Awaited<ReturnType<typeof loadAndWaitReady>>[]} */
  const loads = [];
  for (let i = 0; i < 5; i += 1) {
    loads.push(await withPage(browser, 'no-preference', (page) => loadAndWaitReady(page)));
  }
  const times = loads.map((l) => l.ready);
  /** @param {'domContentLoaded' | 'lastScript' | 'firstNode' | 'ready' | 'live' | 'appStart' | 'hydrated'} key */
  const m = (key) => formatNumber(median(loads.map((l) => l[key])));
  record(section, 'Canvas interactive (median of 5 loads)', median(times), {
    unit: 'ms',
    ...CANVAS_BUDGET,
    note: `navigation start -> every party node visible with a non-empty box, "Play" enabled, and that frame painted; all loads: ${times.map(formatNumber).join(', ')} ms (first is cold)`,
  });
  record(section, 'Canvas interactive: where the time goes (medians)', 'see notes', {
    note: `DOMContentLoaded ${m('domContentLoaded')} ms, first party node painted ${m('firstNode')} ms, app's start evaluated (after the first paint) ${m('appStart')} ms, screen hydrated but the canvas ${m('hydrated')} ms, canvas interactive ${m('ready')} ms, React Flow live on the canvas (pan, zoom, drag; hydrated after the rest of the screen) ${m('live')} ms`,
  });
}
