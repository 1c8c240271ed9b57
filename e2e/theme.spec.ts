// Themes: the header's Theme control, the system's colour scheme and contrast, the embed's theme,
// and pictures of the dark and high-contrast themes.
import { expect, test, type Page } from '@playwright/test';
import {
  FULL_CHAIN_TITLE,
  OBO_TITLE,
  openApp,
  pickScenario,
  stepToEnd,
  stepUntilVisible,
} from './helpers';

/** The page background (every theme sets its own). */
async function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

const LIGHT_PAGE = 'rgb(238, 241, 246)';
const DARK_PAGE = 'rgb(12, 18, 32)';
const CONTRAST_PAGE = 'rgb(255, 255, 255)';

test.use({ reducedMotion: 'reduce' });

test('the Theme control switches the theme and remembers it', async ({ page }) => {
  await openApp(page);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme.locator('option')).toHaveText(['System', 'Light', 'Dark', 'High contrast']);
  await expect(theme).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await pageBackground(page)).toBe(LIGHT_PAGE);

  await theme.selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(page)).toBe(DARK_PAGE);
  expect(await page.evaluate(() => localStorage.getItem('ofs.theme'))).toBe('dark');

  // Remembered: the next visit starts dark, before the first render.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await pageBackground(page)).toBe(DARK_PAGE);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'High contrast' });
  expect(await pageBackground(page)).toBe(CONTRAST_PAGE);

  // System forgets the choice.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'System' });
  expect(await page.evaluate(() => localStorage.getItem('ofs.theme'))).toBeNull();
  expect(await pageBackground(page)).toBe(LIGHT_PAGE);
});

test.describe('System follows the browser', () => {
  test.use({ colorScheme: 'dark' });

  test('dark under prefers-color-scheme: dark, high contrast under prefers-contrast: more; a choice wins', async ({
    page,
  }) => {
    await openApp(page);
    expect(await pageBackground(page)).toBe(DARK_PAGE);
    await page.emulateMedia({ contrast: 'more' });
    expect(await pageBackground(page)).toBe(CONTRAST_PAGE);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    expect(await pageBackground(page)).toBe(DARK_PAGE);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
    expect(await pageBackground(page)).toBe(LIGHT_PAGE);
  });

  test('a stored choice that storage will not give back falls back to System', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    expect(await pageBackground(page)).toBe(DARK_PAGE);
    // Still switchable for this visit.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
    expect(await pageBackground(page)).toBe(LIGHT_PAGE);
  });
});

test("the embed code carries the Share dialog's theme, whatever the person chose", async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'High contrast' });
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share' });
  const embedTheme = share.getByRole('combobox', { name: 'Theme' });
  await expect(embedTheme.locator('option')).toHaveText(['System', 'Light', 'Dark']);
  await expect(embedTheme).toHaveValue('system');
  const before = await share.getByRole('textbox', { name: 'Embed code' }).inputValue();
  await embedTheme.selectOption({ label: 'Dark' });
  const code = await share.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).not.toBe(before);
  const src = /src="([^"]+)"/.exec(code)?.[1] ?? '';
  expect(src).toContain('#s1=');

  await page.goto(src.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('link', { name: 'Open in the simulator' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(page)).toBe(DARK_PAGE);
});

const SHOTS = [
  { label: 'Dark', file: 'dark' },
  { label: 'High contrast', file: 'contrast' },
] as const;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

for (const { label, file } of SHOTS) {
  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`;
    test(`pictures: ${label} at ${at} (OBO at its end, the consent prompt)`, async ({ page }) => {
      await page.setViewportSize(size);
      await openApp(page);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
      await pickScenario(page, OBO_TITLE);
      await stepToEnd(page);
      await page.screenshot({ path: `test-results/screenshots/theme-${file}-obo-${at}.png` });

      await pickScenario(page, FULL_CHAIN_TITLE);
      const signIn = page.getByRole('dialog', { name: 'Sign in' });
      await stepUntilVisible(page, signIn);
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      const consent = page.getByRole('dialog', { name: 'Permissions requested' });
      await stepUntilVisible(page, consent);
      await page.screenshot({ path: `test-results/screenshots/theme-${file}-consent-${at}.png` });
    });
  }
}
