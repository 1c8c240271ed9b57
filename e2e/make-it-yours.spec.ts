// Issue 11's journey in one piece: edit a registration in the editor, see the OBO fail with
// AADSTS65001, save it, reload, find it under "My scenarios", export and re-import it, and open
// its share link in a fresh browser context. Each stage checks the edit is still the one running.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { FULL_CHAIN_TITLE, openApp, pickScenario, stepUntilVisible } from './helpers';

test.use({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });

const SPA_APP_ID = 'c0ffee11-5a7b-4c3d-9e8f-1a2b3c4d5e6f';
const WEB_APP_ID = 'b7c6d5e4-3f2a-4b1c-8d9e-6f5a4b3c2d1e';
const TODO_API = 'Todo API (5e2d8c4b…)';
const NAME = 'Class demo: no web app in knownClientApplications';

/** Answers sign-in and consent, steps to the end, and expects the OBO hop's AADSTS65001. */
async function expectConsentRequired(page: Page): Promise<void> {
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(consent).toBeHidden();
  const next = page.getByRole('button', { name: 'Next step' });
  while (await next.isEnabled()) await next.click();
  await expect(page.getByText(/^Flow failed:/).first()).toBeVisible();
  await expect(page.getByText(/AADSTS65001/).first()).toBeVisible();
}

/** Opens the header's "My scenarios" dialog. */
async function openWorkspace(page: Page) {
  await page.getByRole('button', { name: 'My scenarios', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'My scenarios' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('edit, fail with 65001, save, reload, My scenarios, export, import, share', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);

  // 1. Edit: API A no longer lists the web app in knownClientApplications.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit scenario' });
  await editor.getByRole('tab', { name: 'App registrations' }).click();
  await editor
    .getByRole('combobox', { name: 'App registration', exact: true })
    .selectOption({ label: TODO_API });
  const known = editor.getByRole('textbox', { name: /Known client applications/ });
  await expect(known).toHaveValue(new RegExp(WEB_APP_ID));
  await known.fill(SPA_APP_ID);
  await expect(editor.getByRole('status')).toHaveText(/sign in to continue/i);
  await editor.getByRole('button', { name: 'Close the editor' }).click();
  await expectConsentRequired(page);

  // 2. Save as, reload, and the saved world is under "My scenarios" in the picker.
  let dialog = await openWorkspace(page);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await dialog.getByRole('button', { name: 'Save as' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Saved as "${NAME}" in My scenarios.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker.locator('optgroup[label="My scenarios"] option')).toHaveText([NAME]);
  await pickScenario(page, FULL_CHAIN_TITLE);
  await picker.selectOption({ label: NAME });
  await expectConsentRequired(page);

  // 3. Export the file, go back to the built-in, import the file: the edit runs again.
  dialog = await openWorkspace(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text).toContain(SPA_APP_ID);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await pickScenario(page, FULL_CHAIN_TITLE);
  dialog = await openWorkspace(page);
  await dialog.getByLabel('Import scenario').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(dialog).toBeHidden();
  await expectConsentRequired(page);

  // 4. Its share link in a fresh context (no saved scenarios there) shows the same edit's failure.
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share' });
  const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
  await page.keyboard.press('Escape');
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  await other.emulateMedia({ reducedMotion: 'reduce' });
  await other.goto(link);
  await expect(other.getByRole('button', { name: /Edit scenario/ })).toHaveText(/•/);
  // The link carries the answers and the step too: the fresh page opens at the failed end.
  await expect(other.getByText(/^Flow failed:/).first()).toBeVisible();
  await expect(other.getByText(/AADSTS65001/).first()).toBeVisible();
  await fresh.close();
});
