// Helpers that speak the user's language: pick a scenario, step, read the step counter.
import { expect, type Locator, type Page } from '@playwright/test';

/** Scenario titles as the picker shows them. */
export const OBO_TITLE = 'Web API calls a downstream API on behalf of the user (OBO)';
export const CC_SECRET_TITLE = 'Daemon calls a web API with its own identity (client secret)';

/** Opens the app and waits until the first run is ready and the app itself takes input. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  // Play is on from the first frame, before the app has started (presses are kept and replayed
  // then); a check made right after an action needs the app itself (src/ui/early-input.ts).
  await expect(page.locator('html')).toHaveAttribute('data-started', 'true');
}

/** Picks a scenario by its title and waits for its run. */
export async function pickScenario(page: Page, title: string): Promise<void> {
  await page.getByLabel('Scenario').selectOption({ label: title });
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
}

/** The "Step N of M" text. */
export function stepCounter(page: Page) {
  return page.getByText(/^Step \d+ of \d+$/);
}

/** Clicks "Next step" until it is disabled (the last step); returns the number of clicks. */
export async function stepToEnd(page: Page): Promise<number> {
  const next = page.getByRole('button', { name: 'Next step' });
  let clicks = 0;
  while (clicks < 50 && (await next.isEnabled())) {
    await next.click();
    clicks += 1;
  }
  expect(clicks).toBeGreaterThan(0);
  expect(clicks).toBeLessThan(50);
  return clicks;
}

/** Clicks "Next step" `count` times. */
export async function stepForward(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await page.getByRole('button', { name: 'Next step' }).click();
  }
}

/**
 * Saves a screenshot for people to look at, under `test-results/screenshots/` (ignored by git, so
 * a test run never changes the tree). README's pictures in `docs/screenshots/` are copied from there.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // Let the packet land before the picture.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `test-results/screenshots/${name}` });
}

/** Titles of the sign-in scenarios. */
export const FULL_CHAIN_TITLE = 'Sign in, call API A, API A calls API B (combined consent)';
export const OIDC_TITLE = 'Web app signs a user in with OpenID Connect';
export const REFRESH_TITLE = 'Token expiry: the API answers 401, the app refreshes and retries';

/**
 * Clicks "Next step" until `target` is visible (a prompt the flow waits at); fails if "Next step"
 * is disabled first.
 */
export async function stepUntilVisible(page: Page, target: Locator): Promise<void> {
  const next = page.getByRole('button', { name: 'Next step' });
  for (let clicks = 0; clicks < 50; clicks += 1) {
    if (await target.isVisible()) return;
    await expect(next).toBeEnabled();
    await next.click();
  }
  await expect(target).toBeVisible();
}

/** The inspector panel. */
export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}
