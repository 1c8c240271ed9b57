// Presenter mode: the toggle and its bigger type, the presenter's keys (F, B, ?), the audience
// window in step with the presenter, and pictures of both windows at projector sizes.
import { expect, test, type Page } from '@playwright/test';
import { OBO_TITLE, openApp, stepCounter, stepForward, stepToEnd } from './helpers';

test.use({ reducedMotion: 'reduce' });

/** The computed font size of the first element matching `selector`, in px. */
async function fontSize(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (s) => parseFloat(getComputedStyle(document.querySelector(s) ?? document.body).fontSize),
    selector,
  );
}

/** The rendered height of a node label's first line, in screen px (the canvas zooms). */
async function nodeLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const label = document.querySelector('.party-label');
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!label || !viewport) return 0;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport.style.transform)?.[1] ?? 1);
    return parseFloat(getComputedStyle(label).fontSize) * zoom;
  });
}

async function turnOnPresenterMode(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Speaker notes' })).toBeVisible();
}

test('Presenter mode: bigger type, What-if drawer, speaker notes, next step and outcome; remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const before = await fontSize(page, 'body');
  await turnOnPresenterMode(page);
  await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'true');
  const body = await fontSize(page, 'body');
  expect(body).toBeGreaterThan(before);
  expect(body).toBeGreaterThanOrEqual(20);
  await page.waitForTimeout(500);
  expect(await nodeLabelPx(page)).toBeGreaterThanOrEqual(16);

  // The What-if column is a drawer behind its toggle.
  await expect(page.locator('#whatif-panel')).toBeHidden();
  await page.getByRole('button', { name: /^What if/ }).click();
  await expect(page.locator('#whatif-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#whatif-panel')).toBeHidden();

  // Speaker notes and the next step's preview follow the keys.
  const notes = page.getByRole('region', { name: 'Speaker notes' });
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await expect(notes).toContainText('Notes for step 1 of');
  await expect(
    page.getByText(/^Next: Step 2: Todo API \(API A\) → Microsoft Entra ID: /),
  ).toBeVisible();
  await stepForward(page, 4);
  await expect(
    page.getByText('Next: Step 6: Todo API (API A) → Reports API (API B): GET /me/reports/summary'),
  ).toBeVisible();

  // The outcome is on screen, without scrolling, once the run ends.
  await stepToEnd(page);
  const outcome = page.locator('.presenter-outcome[role="status"]');
  await expect(outcome).toContainText('Flow succeeded:');
  await expect(outcome).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);

  // Remembered for the next visit.
  expect(await page.evaluate(() => localStorage.getItem('ofs.presenter'))).toBe('true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  expect(await fontSize(page, 'body')).toBe(before);
  expect(await page.evaluate(() => localStorage.getItem('ofs.presenter'))).toBeNull();
});

test('Presenter keys: F full screen, B blank screen, ? keyboard shortcuts', async ({ page }) => {
  // Count full-screen requests, whether or not this browser grants them.
  await page.addInitScript(() => {
    const w = window as unknown as { fullscreenRequests: number };
    w.fullscreenRequests = 0;
    const original = Element.prototype.requestFullscreen as
      typeof Element.prototype.requestFullscreen | undefined;
    if (!original) return;
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      w.fullscreenRequests += 1;
      return original.call(this, options);
    };
  });
  await openApp(page);
  await turnOnPresenterMode(page);
  await page.locator('.canvas-area').click({ position: { x: 5, y: 5 } });

  // ?: the shortcuts dialog lists every shortcut.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of [
    'Next step',
    'Previous step',
    'Play or pause',
    'Reset',
    'Full screen',
    'Blank',
  ])
    await expect(help).toContainText(action);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // B: a black overlay, announced; any key brings the screen back without stepping.
  await page.keyboard.press('b');
  const blank = page.getByTestId('blank-screen');
  await expect(blank).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Screen blanked' })).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(blank).toBeHidden();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of|^Step 1 of/);
  await page.keyboard.press('B');
  await expect(blank).toBeVisible();
  await blank.click();
  await expect(blank).toBeHidden();

  // F: full screen on the whole page, and off again.
  const available = await page.evaluate(
    () => typeof document.documentElement.requestFullscreen === 'function',
  );
  test.skip(!available, 'This browser has no Fullscreen API (requestFullscreen is missing).');
  await page.keyboard.press('f');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests),
    )
    .toBe(1);
  const granted = await page
    .waitForFunction(() => document.fullscreenElement === document.documentElement, null, {
      timeout: 2000,
    })
    .then(() => true)
    .catch(() => false);
  if (granted) {
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  } else {
    // Headless browsers may refuse: the request was made and the refusal is announced.
    await expect(page.getByRole('status').filter({ hasText: /full screen/i })).toBeAttached();
  }
});

test('the audience window mirrors the presenter and ignores malformed messages', async ({
  page,
  context,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await turnOnPresenterMode(page);
  await stepForward(page, 2);

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open audience view' }).click();
  const audience = await opened;
  audience.on('pageerror', (error) => errors.push(error.message));
  await audience.setViewportSize({ width: 1280, height: 720 });
  expect(new URL(audience.url()).searchParams.has('audience')).toBe(true);
  await expect(audience.getByRole('heading', { level: 1, name: OBO_TITLE })).toBeVisible();
  await expect(audience.getByText('Step 2 of 10')).toBeVisible();
  await expect(page.getByText('Audience view is open')).toBeVisible();
  // Only the diagram and the step: no controls, switches or inspector.
  await expect(audience.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await expect(audience.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(audience.locator('#whatif-panel')).toHaveCount(0);

  // Step in the presenter: the audience shows the same step.
  await page.bringToFront();
  await stepForward(page, 3);
  await expect(stepCounter(page)).toHaveText('Step 5 of 10');
  await expect(audience.getByText('Step 5 of 10')).toBeVisible();
  const title = await page
    .getByRole('region', { name: 'Speaker notes' })
    .locator('h2')
    .textContent();
  await expect(audience.getByRole('region', { name: 'Current step' }).locator('h2')).toHaveText(
    title ?? '',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(audience.getByText('Step 4 of 10')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(audience.getByText('Step 5 of 10')).toBeVisible();

  // Malformed messages on the channel are ignored without errors.
  await page.evaluate(() => {
    const channel = new BroadcastChannel('ofs-presenter');
    channel.postMessage({ type: 'state', link: { v: 99 } });
    channel.postMessage('hello');
    channel.postMessage({ type: 'state', link: { v: 1, scenario: 'x' } });
    channel.postMessage(null);
    channel.close();
  });
  await page.waitForTimeout(300);
  await expect(audience.getByText('Step 5 of 10')).toBeVisible();

  // Pictures of both windows at projector sizes. A popup's window keeps the size it opened with
  // (headless Chromium paints only that much), so each picture of the audience is taken in an
  // audience window of that size opened at the same URL: it joins the channel like the first.
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.bringToFront();
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `test-results/screenshots/presenter-${width}x${height}.png` });
    const view = await context.newPage();
    await view.setViewportSize({ width, height });
    await view.goto(audience.url());
    await expect(view.getByText('Step 5 of 10')).toBeVisible();
    await view.waitForTimeout(1200);
    await view.screenshot({
      path: `test-results/screenshots/presenter-audience-${width}x${height}.png`,
    });
    await view.close();
  }

  // Closing the audience window ends cleanly: the presenter hears it.
  await audience.close();
  await expect(page.getByText('Audience view is open')).toBeHidden();

  // Closing (or leaving) Presenter mode tells a new audience window it is on its own.
  const again = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open audience view' }).click();
  const second = await again;
  await expect(second.getByText('Step 5 of 10')).toBeVisible();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(second.getByText(/presenter's window has closed/)).toBeVisible();
  expect(errors).toEqual([]);
});
