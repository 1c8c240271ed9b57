// How Debian's Chromium is launched, shared by playwright.config.ts (e2e) and `npm run bench`, so
// the journeys and the budgets of DESIGN.md section 9 run in the same browser with the same flags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The browser binary (Debian's `chromium` package); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Features that preload the address-bar popup's WebUI in every new window. Left on, the canvas took
 * 1.66x longer to become interactive (DESIGN.md section 9).
 */
export const OMNIBOX_POPUP_FEATURES = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

/**
 * The features Playwright disables with its own `--disable-features` (playwright-core 1.65). Chromium
 * keeps only the last `--disable-features` switch, and ours comes after Playwright's, so ours
 * repeats them: one value that holds both lists.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Playwright's list as the installed playwright-core spells it (best effort: read from its bundle),
 * so that an upgrade adding a feature does not silently drop it from the merged value.
 * @returns {string[]}
 */
function installedPlaywrightDisabledFeatures() {
  try {
    const bundle = createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle');
    const source = readFileSync(bundle, 'utf8');
    const list = /\bdisabledFeatures\s*=\s*\[([\s\S]*?)\]/.exec(source)?.[1] ?? '';
    return [...list.replace(/\/\/[^\n]*/g, '').matchAll(/["']([A-Za-z0-9_]+)["']/g)].map(
      (match) => match[1] ?? '',
    );
  } catch {
    return [];
  }
}

/** Every feature the browser runs without: Playwright's and the address-bar popup's. */
export const DISABLED_FEATURES = [
  ...new Set([
    ...PLAYWRIGHT_DISABLED_FEATURES,
    ...installedPlaywrightDisabledFeatures(),
    ...OMNIBOX_POPUP_FEATURES,
  ]),
].filter(Boolean);

/** Command-line switches added to Playwright's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

/** The viewport of the journeys and the bench. */
export const VIEWPORT = { width: 1440, height: 900 };
