// User journeys: OBO token B, a what-if error, client-credentials roles, keyboard, play, small screen.
import { expect, test } from '@playwright/test';
import {
  CC_SECRET_TITLE,
  OBO_TITLE,
  openApp,
  pickScenario,
  saveScreenshot,
  stepCounter,
  stepForward,
  stepToEnd,
} from './helpers';

test.describe('at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('OBO: token B is issued for the downstream API with its delegated scope', async ({
    page,
  }) => {
    await openApp(page);
    await pickScenario(page, OBO_TITLE);
    const clicks = await stepToEnd(page);
    await expect(stepCounter(page)).toHaveText(`Step ${clicks} of ${clicks}`);
    await expect(page.getByText('Flow succeeded:')).toBeVisible();

    const downstream = page.getByRole('group', { name: /Reports API \(API B\)/ });
    const appId = (await downstream.locator('code').first().textContent())?.trim() ?? '';
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);

    await page
      .getByRole('button', { name: /Microsoft Entra ID to Todo API \(API A\): 200 OK token B/ })
      .click();
    const compare = page.getByRole('table', { name: 'Compare tokens' });
    await expect(compare.getByRole('row', { name: /^aud / })).toContainText(appId);
    await expect(compare.getByRole('row', { name: /^scp / })).toContainText('Reports.Read');
    await saveScreenshot(page, 'obo-end.png');

    await page.getByRole('tab', { name: /Tokens/ }).click();
    const tokenB = page.getByRole('region', { name: /^Token B/ });
    await expect(tokenB.getByRole('row', { name: /^aud / })).toContainText(appId);
    await expect(tokenB.getByRole('row', { name: /^scp / })).toContainText('Reports.Read');
    await expect(tokenB.getByText('Signature verified', { exact: true })).toBeVisible();
    await expect(tokenB.getByText('v2.0', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Token A/ })).toBeVisible();
    await saveScreenshot(page, 'obo-tokens.png');
  });

  test('what-if: downstream consent missing shows AADSTS65001 with why and fix', async ({
    page,
  }) => {
    await openApp(page);
    await pickScenario(page, OBO_TITLE);
    const consent = page.getByRole('checkbox', { name: /consent missing/i });
    await consent.check();
    await expect(consent).toBeChecked();
    await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await stepToEnd(page);

    await page
      .getByRole('button', { name: /Microsoft Entra ID to Todo API \(API A\): 400 Bad Request/ })
      .click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: 'Why this failed' })).toBeVisible();
    await expect(inspector.getByText('AADSTS65001')).toBeVisible();
    await expect(page.getByText('Flow failed:')).toBeVisible();
    await saveScreenshot(page, 'consent-missing.png');

    await inspector.getByRole('tab', { name: 'Response' }).click();
    await expect(
      inspector.getByRole('tabpanel').getByText('400 Bad Request', { exact: true }),
    ).toBeVisible();
    await expect(inspector.getByLabel('Raw response')).toContainText('"error": "invalid_grant"');
    await expect(inspector.getByLabel('Raw response')).toContainText('AADSTS65001');

    await consent.uncheck();
    await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
  });

  test('client credentials: the app-only token carries roles, no scp', async ({ page }) => {
    await openApp(page);
    await pickScenario(page, CC_SECRET_TITLE);
    await stepForward(page, 2);
    await expect(stepCounter(page)).toHaveText(/^Step 2 of/);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('tab', { name: /Tokens/ }).click();
    const token = inspector.getByRole('region', { name: /^Token A/ });
    await expect(token.getByRole('row', { name: /^roles / })).toContainText('Orders.Read.All');
    await expect(token.getByRole('row', { name: /^idtyp / })).toContainText('app');
    await expect(token.getByRole('row', { name: /^scp / })).toHaveCount(0);
    await expect(token.getByRole('row', { name: /^exp / })).toContainText(/in \d+ (h|min)/);
    await saveScreenshot(page, 'cc-roles.png');

    await inspector.getByRole('tab', { name: 'Request' }).click();
    const form = inspector.getByRole('table', { name: /Form body/ });
    await expect(form.getByRole('row', { name: /^grant_type / })).toContainText(
      'client_credentials',
    );
    await expect(form.getByRole('row', { name: /^scope / })).toContainText('/.default');
  });

  test('keyboard: Right advances, Left goes back, Home resets, Space plays and pauses', async ({
    page,
  }) => {
    await openApp(page);
    const live = page.locator('[aria-live="polite"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(stepCounter(page)).toHaveText(/^Step 3 of/);
    await expect(live).toContainText(/^Step 3 of \d+: /);
    await expect(page.getByRole('region', { name: 'Messages' }).getByRole('listitem')).toHaveCount(
      3,
    );
    await page.keyboard.press('ArrowLeft');
    await expect(stepCounter(page)).toHaveText(/^Step 2 of/);
    await expect(page.getByRole('region', { name: 'Messages' }).getByRole('listitem')).toHaveCount(
      2,
    );
    await page.keyboard.press('Home');
    await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(stepCounter(page)).not.toHaveText(/^Step 0 of/);
  });

  test('play runs the flow to the end and stops', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Speed').selectOption('2');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(stepCounter(page)).toHaveText(/^Step (\d+) of \1$/, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    const total = Number((await stepCounter(page).textContent())?.match(/of (\d+)/)?.[1]);
    await expect(page.getByRole('region', { name: 'Messages' }).getByRole('listitem')).toHaveCount(
      total,
    );
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('packets do not animate', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(stepCounter(page)).toHaveText(/^Step 1 of/);
    const running = await page.evaluate(
      () => document.getAnimations().filter((a) => a.playState === 'running').length,
    );
    expect(running).toBe(0);
  });
});

test.describe('at 800x500', () => {
  test.use({ viewport: { width: 800, height: 500 } });

  test('everything stays usable in a small iframe-sized window', async ({ page }) => {
    await openApp(page);
    await pickScenario(page, OBO_TITLE);
    await stepForward(page, 5);
    await expect(stepCounter(page)).toHaveText(/^Step 5 of/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('heading', { name: 'Compare tokens' })).toBeAttached();
    await saveScreenshot(page, 'small-800x500.png');

    const toggle = page.getByRole('button', { name: /What if/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('checkbox', { name: /consent missing/i })).toBeVisible();
    await saveScreenshot(page, 'small-800x500-what-if.png');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('checkbox', { name: /consent missing/i })).toBeHidden();
  });
});

test.describe('engine failure', () => {
  test('a clear message instead of a blank screen when the engine cannot load', async ({
    page,
  }) => {
    await page.route(/\/assets\/(engine|scenarios)-[^/]*\.js$/, (route) => route.abort());
    await page.goto('/');
    // The first screen's run comes with the page: it plays without the engine.
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText('Step 1 of 10');
    // A what-if needs the scenarios and the engine, which cannot load.
    await page.getByRole('checkbox', { name: 'Wrong client secret' }).check();
    const alert = page.getByRole('alert');
    await expect(
      alert.getByRole('heading', { name: 'The simulation could not run' }),
    ).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'OAuth Flow Simulator' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  });
});
