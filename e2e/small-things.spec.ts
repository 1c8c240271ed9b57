// The small things a room notices: focus after dialogs, the narrow what-if panel, the consent
// chevron, and a warning when the scenario picker replaces a run with answers.
import { expect, test } from '@playwright/test';
import { FULL_CHAIN_TITLE, OBO_TITLE, openApp, pickScenario, stepUntilVisible } from './helpers';

test('after answering a prompt, focus returns to the playback controls, not the page', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await page.keyboard.press('Escape');
  await expect(consent).toBeHidden();
  await expect(page.locator('body')).not.toBeFocused();
});

test('the consent chevron expands a permission to its API and scope', async ({ page }) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  const detail = consent.getByText('Todo API · Todo.Read');
  await expect(detail).toBeHidden();
  await consent.getByText("Read the signed-in user's to-do lists").click();
  await expect(detail).toBeVisible();
});

test('picking another scenario after answering says how to get the old run back', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await pickScenario(page, OBO_TITLE);
  const messages = page.getByRole('status', { name: 'Messages' });
  await expect(messages).toContainText('press Back');
  await page.goBack();
  await expect(page.getByLabel('Scenario')).toHaveValue('full-chain');
});

test.describe('at 800x500', () => {
  test.use({ viewport: { width: 800, height: 500 } });

  test('the what-if panel takes focus when opened and closes on Escape', async ({ page }) => {
    await openApp(page);
    const toggle = page.getByRole('button', { name: /What if/ });
    await toggle.click();
    const panel = page.getByRole('complementary', { name: /What if/ });
    await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('checkbox').first()).toBeHidden();
    await expect(toggle).toBeFocused();
  });
});
