// The first screen is built into index.html and hydrated (issue 12): its party nodes are in the
// HTML before any script runs, and hydrating it raises no console error (no hydration mismatch, no
// Content-Security-Policy refusal) while the app becomes interactive.
import { expect, test, type Page } from '@playwright/test';
import { OBO_TITLE, stepCounter } from './helpers';

/** A scenario other than the first screen's. */
const CC_TITLE = 'Daemon calls a web API with its own identity (client secret)';

/** The default scenario's parties, as the canvas names its nodes. */
const PARTY_NODES = [
  'Todo web client (Single-page app)',
  'Todo API (API A) (Middle-tier web API)',
  'Reports API (API B) (Web API)',
  'Microsoft Entra ID (Authority (Entra ID))',
];

/** Collects what the page reports as errors: console errors and uncaught exceptions. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Holds back the responses for `url` until the returned function is called; that function fails
 * the test when no request matched (a renamed chunk would otherwise hold nothing back).
 */
async function holdBack(page: Page, url: RegExp): Promise<() => void> {
  let release = (): void => undefined;
  let requested = false;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return () => {
    expect(requested, `a request for ${String(url)}`).toBe(true);
    release();
  };
}

/**
 * Opens the app afresh (from a blank page) with the responses for `url` held back; returns
 * {@link holdBack}'s release.
 */
async function openHoldingBack(
  page: Page,
  url: RegExp,
  waitUntil: 'load' | 'commit' = 'load',
): Promise<() => void> {
  const release = await holdBack(page, url);
  await page.goto('about:blank');
  await page.goto('/', { waitUntil });
  return release;
}

/** The built app's scripts: the entry, the app's start and the canvas (React Flow). */
const ENTRY_SCRIPT = /\/assets\/index-[\w-]+\.js$/;
const BOOT_CHUNK = /\/assets\/boot-[\w-]+\.js$/;
const CANVAS_CHUNK = /\/assets\/FlowCanvas-[\w-]+\.js$/;

test.use({ reducedMotion: 'reduce' });

test('the first screen is in the HTML, party nodes and all, before any script runs', async ({
  page,
  request,
  browser,
}) => {
  const body = await (await request.get('/')).text();
  for (const label of PARTY_NODES) expect(body).toContain(`aria-label="${label}"`);
  expect(body).toContain('<script type="application/json" id="first-screen-data">');

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto('/');
  const canvas = noScript.getByRole('region', { name: 'Flow diagram' });
  for (const label of PARTY_NODES) {
    const box = await canvas.getByRole('group', { name: label, exact: true }).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
    expect(box?.height ?? 0).toBeGreaterThan(0);
  }
  await expect(noScript.getByRole('heading', { level: 2, name: OBO_TITLE })).toBeVisible();
  // Without its handlers a button would do nothing: Play waits for hydration.
  await expect(noScript.getByRole('button', { name: 'Play' })).toBeDisabled();
  await context.close();
  void page;
});

test('hydrating the first screen logs no error and the app becomes interactive', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCounter(page)).toHaveText('Step 1 of 10');
  // A what-if needs the engine, which loads after hydration: the run changes (fewer steps).
  await page.getByRole('checkbox', { name: 'Wrong client secret' }).check();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of (?!10$)\d+$/);
  expect(errors).toEqual([]);
});

test('a remembered theme and view, and a link, open without a hydration error', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.evaluate(() => {
    localStorage.setItem('ofs.theme', 'dark');
    localStorage.setItem('ofs.view', 'sequence');
  });
  // A plain visit (the link in the URL by now would decide the view itself).
  const canvasCode: string[] = [];
  page.on('request', (request) => {
    if (CANVAS_CHUNK.test(request.url())) canvasCode.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.getByRole('tab', { name: 'Sequence' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
  // The Sequence view draws no canvas: React Flow's code is not fetched.
  expect(canvasCode).toEqual([]);

  await page.evaluate(() => localStorage.removeItem('ofs.view'));
  await expect(page).toHaveURL(/#s1=/);
  const before = page.url();
  await page.getByRole('button', { name: 'Next step' }).click();
  // The URL follows once the page is idle.
  await expect.poll(() => page.url()).not.toBe(before);
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(stepCounter(page)).toHaveText('Step 1 of 10');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(errors).toEqual([]);
});

test('a step taken before the canvas code has loaded: the painted canvas stays, then follows', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Hold the canvas chunk (React Flow) back until the person has stepped.
  const release = await openHoldingBack(page, CANVAS_CHUNK);
  const canvas = page.getByRole('region', { name: 'Flow diagram' });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(canvas.locator('.canvas')).not.toHaveAttribute('data-live', 'true');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCounter(page)).toHaveText('Step 1 of 10');
  // The prerendered nodes are still there, and no edge is active yet: React Flow has not run.
  for (const label of PARTY_NODES)
    await expect(canvas.getByRole('group', { name: label, exact: true })).toBeVisible();
  await expect(canvas.locator('.message-edge.edge-active')).toHaveCount(0);
  release();
  await expect(canvas.locator('.canvas')).toHaveAttribute('data-live', 'true');
  // Hydrated with what its HTML showed, then drawn at step 1: the first message is active.
  await expect(canvas.locator('.message-edge.edge-active')).toHaveCount(1);
  for (const label of PARTY_NODES)
    await expect(canvas.getByRole('group', { name: label, exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('clicks and shortcut keys made before the app has started are carried out once it has', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Hold the app's start back: the screen stays as the HTML painted it, with the entry script.
  const release = await openHoldingBack(page, BOOT_CHUNK);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'Next step' }).click();
  // The kept press shows as taken until the app carries it out.
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
    'aria-busy',
    'true',
  );
  // A shortcut key on the page (focus back on the body), kept the same way.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  // Nothing has run yet: the counter is the prerendered one.
  await expect(stepCounter(page)).toHaveText('Step 0 of 10');
  release();
  // One click, two Rights and a Left: two steps.
  await expect(stepCounter(page)).toHaveText('Step 2 of 10');
  await expect(page.getByRole('button', { name: 'Next step' })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );

  // Before any module script has run (the entry itself held back), the head's inline script has
  // turned Play on and keeps its press.
  const again = await openHoldingBack(page, ENTRY_SCRIPT, 'commit');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(stepCounter(page)).toHaveText('Step 0 of 10');
  again();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a what-if, another scenario and a header button, chosen before the start, all happen', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const release = await openHoldingBack(page, BOOT_CHUNK);
  const whatIf = page.getByRole('checkbox', { name: 'Wrong client secret' });
  await whatIf.click({ force: true });
  // Kept, not done: the box stays as the HTML drew it until the app can act on it.
  await expect(whatIf).not.toBeChecked();
  await page.getByRole('button', { name: 'Decode a token' }).click();
  release();
  await expect(page.getByRole('dialog', { name: 'Decode a token' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(whatIf).toBeChecked();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of (?!10$)\d+$/);

  const again = await openHoldingBack(page, BOOT_CHUNK);
  await page.getByLabel('Scenario').selectOption({ label: CC_TITLE });
  // Kept: the picker shows the scenario it drew, marked as waiting, until the app can open it.
  await expect(page.getByLabel('Scenario')).toHaveAttribute('aria-busy', 'true');
  again();
  await expect(page.getByRole('heading', { level: 2, name: CC_TITLE })).toBeVisible();
  await expect(page.getByLabel('Scenario')).not.toHaveAttribute('aria-busy', 'true');

  // A Next pressed after a what-if steps through the what-if's run, not the one it replaces.
  const third = await openHoldingBack(page, BOOT_CHUNK);
  await page.getByRole('checkbox', { name: 'Wrong client secret' }).click({ force: true });
  await page.getByRole('button', { name: 'Next step' }).click();
  third();
  await expect(page.getByRole('checkbox', { name: 'Wrong client secret' })).toBeChecked();
  await expect(stepCounter(page)).toHaveText(/^Step 1 of (?!10$)\d+$/);
  expect(errors).toEqual([]);
});

test('a canvas whose code cannot load says so, and the rest of the app works', async ({ page }) => {
  await page.route(CANVAS_CHUNK, (route) => route.abort());
  await page.goto('/');
  const canvas = page.getByRole('region', { name: 'Flow diagram' });
  await expect(canvas.getByRole('alert')).toContainText('The diagram could not load');
  await expect(canvas.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCounter(page)).toHaveText('Step 1 of 10');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 10/ })).toBeVisible();
});

test('when the app cannot start, the early buttons go back to disabled', async ({ page }) => {
  // The app's start, then the entry script itself, cannot load.
  for (const script of [BOOT_CHUNK, ENTRY_SCRIPT]) {
    await page.unrouteAll();
    await page.route(script, (route) => route.abort());
    await page.goto('about:blank');
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    // Nothing took over: the page does not say it has started.
    await expect(page.locator('html')).not.toHaveAttribute('data-started', 'true');
  }
});
