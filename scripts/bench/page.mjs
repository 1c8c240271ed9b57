// A fresh page of the built app, the app's controls found by role and accessible name (as the e2e
// journeys find them), and the in-page probes that time the first screen.
import { VIEWPORT } from '../chromium.mjs';
import { BASE_URL } from './options.mjs';

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Locator} Locator
 * @typedef {import('playwright-core').ElementHandle<HTMLElement>} HTMLHandle
 */

/**
 * Installed before any page script: records performance.now() when the first party node is painted
 * and when the canvas becomes interactive. "Canvas interactive" (DESIGN.md section 9) means: every
 * party node has a non-empty box and is visible, "Play" is enabled, and the frame showing that has
 * been painted (the time is taken after the next animation frame, in a task that runs once that
 * frame is produced). Playwright locators cannot time this from outside the page, so the probe
 * looks for the same roles and accessible names itself: React Flow's nodes (aria-roledescription
 * "node") and the button named "Play".
 */
function installReadyProbe() {
  /** @param {string} name */
  const findButton = (name) =>
    [...document.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
    );
  const partyNodes = () => [...document.querySelectorAll('[aria-roledescription="node"]')];
  /** @param {Element} node */
  const isShown = (node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const isReady = () => {
    const nodes = partyNodes();
    const play = findButton('Play');
    if (nodes.length === 0 || !play || play.disabled) return false;
    return nodes.every(isShown);
  };
  /** @param {(t: number) => void} write */
  const afterPaint = (write) =>
    requestAnimationFrame(() => setTimeout(() => write(performance.now()), 0));
  let readySeen = false;
  let nodeSeen = false;
  let liveSeen = false;
  const check = () => {
    // The app's canvas says when React Flow has hydrated it (the floors have no such mark).
    if (!liveSeen && document.querySelector('.canvas[data-live="true"]')) {
      liveSeen = true;
      afterPaint((t) => (window.__benchLive = t));
    }
    if (!nodeSeen) {
      const node = partyNodes()[0];
      if (node && isShown(node)) {
        nodeSeen = true;
        afterPaint((t) => (window.__benchFirstNode = t));
      }
    }
    if (!readySeen && isReady()) {
      readySeen = true;
      afterPaint((t) => (window.__benchReady = t));
    }
    if (readySeen && liveSeen) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  // A page whose first screen is in its HTML may be ready before any mutation happens.
  document.addEventListener('DOMContentLoaded', check);
}

/** In-page helpers shared by the measurements (window.__bench, installed with addInitScript). */
function installHelpers() {
  window.__bench = {
    stepOf(element) {
      const m = /Step (\d+) of (\d+)/.exec(element?.textContent ?? '');
      return m ? { n: Number(m[1]), total: Number(m[2]) } : undefined;
    },
    inspectorStep(inspector) {
      for (const heading of inspector.querySelectorAll('h1, h2, h3, [role="heading"]')) {
        const step = window.__bench.stepOf(heading);
        if (step) return step;
      }
      return undefined;
    },
    until(predicate, timeoutMs = 5000) {
      return new Promise((resolvePromise, reject) => {
        if (predicate()) return resolvePromise();
        const observer = new MutationObserver(() => {
          if (predicate()) {
            observer.disconnect();
            clearTimeout(timer);
            resolvePromise();
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('timed out waiting for the page'));
        }, timeoutMs);
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
    },
    nextFrame() {
      return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    },
  };
}

/**
 * A new context (cold cache) and page with the probes installed.
 * @param {Browser} browser
 * @param {'reduce' | 'no-preference'} reducedMotion
 * @returns {Promise<{ context: BrowserContext, page: Page }>}
 */
export async function newPage(browser, reducedMotion) {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion });
  await context.addInitScript(installReadyProbe);
  await context.addInitScript(installHelpers);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Runs `use` with a fresh page, closing its context afterwards.
 * @template T
 * @param {Browser} browser
 * @param {'reduce' | 'no-preference'} reducedMotion
 * @param {(page: Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withPage(browser, reducedMotion, use) {
  const { context, page } = await newPage(browser, reducedMotion);
  try {
    return await use(page);
  } finally {
    await context.close();
  }
}

/**
 * Opens the app (or a floor page) and waits until the canvas is interactive; returns the probe's
 * times and the first contentful paint.
 * @param {Page} page
 * @param {string} [url]
 */
export async function loadAndWaitReady(page, url = BASE_URL) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 15_000 });
  // The app's canvas goes live (React Flow hydrated) after the screen is interactive.
  await page
    .waitForFunction(
      () => window.__benchLive !== undefined || !document.querySelector('.canvas'),
      null,
      { timeout: 10_000 },
    )
    .catch(() => {});
  // A static page is ready as soon as it is parsed, before its first paint: wait for that too.
  await page
    .waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      {
        timeout: 3_000,
      },
    )
    .catch(() => {});
  return page.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
      performance.getEntriesByType('navigation')[0]
    );
    const scripts = /** @type {PerformanceResourceTiming[]} */ (
      performance.getEntriesByType('resource')
    )
      .filter((r) => r.name.endsWith('.js'))
      .map((r) => r.responseEnd);
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      ready: window.__benchReady ?? NaN,
      firstNode: window.__benchFirstNode ?? NaN,
      live: window.__benchLive ?? NaN,
      firstContentfulPaint: paint ? paint.startTime : NaN,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
      lastScript: scripts.length > 0 ? Math.max(...scripts) : NaN,
      // The app's own User Timing marks (src/main.tsx, src/boot.tsx); NaN on the floor pages.
      appStart: performance.getEntriesByName('ofs:boot')[0]?.startTime ?? NaN,
      hydrated: performance.getEntriesByName('ofs:hydrated')[0]?.startTime ?? NaN,
    };
  });
}

/**
 * The app's controls, by role and accessible name.
 * @param {Page} page
 */
export function appControls(page) {
  return {
    next: page.getByRole('button', { name: 'Next step' }),
    /** Play and Pause are one button, named after what it does next. */
    play: page.getByRole('button', { name: 'Play' }),
    pause: page.getByRole('button', { name: 'Pause' }),
    reset: page.getByRole('button', { name: 'Reset' }),
    picker: page.getByLabel('Scenario'),
    /** "Step N of M" of the playback bar. */
    counter: page.getByRole('group', { name: 'Playback' }).getByText(/^Step \d+ of \d+$/),
    inspector: page.getByRole('complementary', { name: 'Inspector' }),
    clock: page.getByRole('group', { name: 'Simulated clock' }),
    dialog: page.getByRole('dialog'),
  };
}

/**
 * The element a locator stands for, to hand to page.evaluate.
 * @param {Locator} locator
 * @returns {Promise<HTMLHandle>}
 */
export async function handleOf(locator) {
  return /** @type {HTMLHandle} */ (await locator.elementHandle());
}
