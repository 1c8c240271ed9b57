// First paint and canvas interactive against their floors (DESIGN.md section 9): the app and the
// three floor pages (floors.mjs) loaded in alternating order, cold (a new context each load), for
// ROUNDS rounds; medians and spread, and the app's figure as a multiple of its floor.
import { startPreview } from './build.mjs';
import { FLOOR_PAGES, FLOORS_DIST, buildFloors } from './floors.mjs';
import { BASE_URL } from './options.mjs';
import { loadAndWaitReady, withPage } from './page.mjs';
import { formatNumber, median, notAvailable, record } from './report.mjs';

const ROUNDS = 11;
const FLOORS_PORT = 4175;
export const PAINT_BUDGET = { budget: '<= 1.15x static page', limit: 1.15 };
export const CANVAS_FLOOR_BUDGET = { budget: '<= 1.2x React Flow page', limit: 1.2 };

/** @param {number[]} values */
const spread = (values) =>
  `median ${formatNumber(median(values))} ms (${formatNumber(Math.min(...values))}-${formatNumber(Math.max(...values))})`;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 * @param {string} distDir the app's build
 */
export async function benchFirstPaint(browser, section, distDir) {
  const { nodes } = await buildFloors(browser, distDir);
  const server = await startPreview(FLOORS_DIST, FLOORS_PORT, FLOOR_PAGES.static);
  try {
    const floors = `http://localhost:${FLOORS_PORT}/`;
    /** @type {Record<string, string>} */
    const urls = {
      app: BASE_URL,
      static: floors + FLOOR_PAGES.static,
      react: floors + FLOOR_PAGES.react,
      flow: floors + FLOOR_PAGES.flow,
    };
    const names = Object.keys(urls);
    /** @type {Record<string, { paint: number[], ready: number[], live: number[], hydrated: number[] }>} */
    const times = Object.fromEntries(
      names.map((n) => [n, { paint: [], ready: [], live: [], hydrated: [] }]),
    );
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate: each round starts with the next page, so none always goes first.
      const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
      for (const name of order) {
        const load = await withPage(browser, 'no-preference', (page) =>
          loadAndWaitReady(page, urls[name]),
        );
        times[name]?.paint.push(load.firstContentfulPaint);
        times[name]?.ready.push(load.ready);
        times[name]?.live.push(load.live);
        times[name]?.hydrated.push(load.hydrated);
      }
    }
    const t = (/** @type {string} */ name) =>
      times[name] ?? { paint: [NaN], ready: [NaN], live: [NaN], hydrated: [NaN] };
    record(
      section,
      'First contentful paint, app / static page',
      median(t('app').paint) / median(t('static').paint),
      {
        unit: 'x',
        ...PAINT_BUDGET,
        note: `${ROUNDS} cold loads each, alternating; app ${spread(t('app').paint)}, static page of the same first screen ${spread(t('static').paint)}`,
      },
    );
    record(
      section,
      'Canvas interactive, app / React Flow page',
      median(t('app').ready) / median(t('flow').ready),
      {
        unit: 'x',
        ...CANVAS_FLOOR_BUDGET,
        note: `canvas interactive = every party node visible with a non-empty box, "Play" enabled (from the first paint: the page's inline head script enables it as it is parsed and keeps presses until the app has started), and that frame painted; app ${spread(t('app').ready)}, bare React + React Flow with the same ${nodes} nodes ${spread(t('flow').ready)}, bare React ${spread(t('react').ready)}, static page ${spread(t('static').ready)}`,
      },
    );
    record(
      section,
      'Screen hydrated, app / React Flow page',
      median(t('app').hydrated) / median(t('flow').ready),
      {
        unit: 'x',
        note: `informational: when React has hydrated the screen but the canvas (the 'ofs:hydrated' mark; presses on Play and Next made before are kept and replayed then) against the floor's canvas interactive; app ${spread(t('app').hydrated)}`,
      },
    );
    record(
      section,
      'React Flow live on the canvas, app / React Flow page',
      median(t('app').live) / median(t('flow').ready),
      {
        unit: 'x',
        note: `informational: when the app's canvas pans, zooms and drags (React Flow hydrated after the rest of the screen, data-live on the canvas) against the floor's canvas interactive; app ${spread(t('app').live)}`,
      },
    );
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
  }
  notAvailable(
    section,
    'Canvas interactive, app / openidconnect.net ready',
    PEER_UNAVAILABLE,
    PEER_BUDGET,
  );
}

export const PEER_BUDGET = { budget: '<= 0.8x openidconnect.net', limit: 0.8 };

/**
 * Why the openidconnect.net peer (auth0/openidconnect-playground) is not measured here: its page
 * (views/index.html) loads jQuery with a blocking script from code.jquery.com, its styles from
 * cdn.auth0.com and cdnjs, and consent and analytics scripts from third parties, and this machine
 * reaches no network but the npm registry; served without them it would not be the peer's page.
 */
const PEER_UNAVAILABLE =
  'peer not measured: its page needs jQuery, styles and scripts from CDNs this machine cannot reach (no network but the npm registry)';
