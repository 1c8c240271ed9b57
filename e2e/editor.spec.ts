// The scenario editor: edit a registration, see the flow fail as documented, share the edited world.
import { expect, test, type Page } from '@playwright/test';
import { FULL_CHAIN_TITLE, openApp, pickScenario, stepUntilVisible } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const SPA_APP_ID = 'c0ffee11-5a7b-4c3d-9e8f-1a2b3c4d5e6f';
const SHOTS = process.env.EDITOR_SHOTS;
const TODO_API = 'Todo API (5e2d8c4b…)';

/** Answers the sign-in and consent prompts of the combined-consent chain. */
async function signInAndConsent(page: Page): Promise<void> {
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(consent).toBeHidden();
}

test('edit knownClientApplications: the OBO fails with AADSTS65001, and the link carries the edit', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit scenario' });
  await expect(editor).toBeVisible();
  await editor.getByRole('tab', { name: 'App registrations' }).click();
  const app = editor.getByRole('combobox', { name: 'App registration', exact: true });
  await app.selectOption({ label: TODO_API });
  const known = editor.getByRole('textbox', { name: /Known client applications/ });
  await expect(known).toHaveValue(/b7c6d5e4-3f2a-4b1c-8d9e-6f5a4b3c2d1e/);
  // Remove the web app: only the single-page app stays listed.
  await known.fill(SPA_APP_ID);
  await expect(editor.getByText(/re-running/)).toBeHidden();
  await expect(editor.getByRole('status')).toHaveText(/sign in to continue/i);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-apps.png` });
  await editor.getByRole('button', { name: 'Close the editor' }).click();

  await signInAndConsent(page);
  // The run goes on past the consent: the editor's outcome line names the documented error.
  await page.getByRole('button', { name: /Edit scenario/ }).click();
  await expect(editor.getByRole('status')).toHaveText(/Flow failed: Stopped: AADSTS65001/);
  await editor.getByRole('button', { name: 'Close the editor' }).click();

  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share' });
  const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
  expect(link.length).toBeLessThan(8000);
  await page.keyboard.press('Escape');

  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('button', { name: /Edit scenario/ })).toHaveText(/•/);
  await other.getByRole('button', { name: /Edit scenario/ }).click();
  const otherEditor = other.getByRole('dialog', { name: 'Edit scenario' });
  await otherEditor.getByRole('tab', { name: 'App registrations' }).click();
  const otherApp = otherEditor.getByRole('combobox', { name: 'App registration', exact: true });
  await otherApp.selectOption({ label: TODO_API });
  await expect(otherEditor.getByRole('textbox', { name: /Known client applications/ })).toHaveValue(
    SPA_APP_ID,
  );
  await expect(otherEditor.getByRole('status')).toHaveText(/AADSTS65001/);
  await fresh.close();
});

test('invalid JSON and schema errors get a message; the last valid world keeps running', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit scenario' });
  await editor.getByRole('tab', { name: 'Parties' }).click();
  // Opening the editor changes nothing: the scenario becomes an edited one at the first edit.
  await expect(page.getByRole('button', { name: 'Edit scenario' })).toHaveText('Edit scenario');
  const name = editor.getByRole('textbox', { name: 'Name on the canvas' }).first();
  await name.fill('');
  await expect(editor.getByRole('alert')).toContainText('parties.0.label');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await name.fill('Todo SPA');
  await expect(editor.getByRole('alert')).toBeHidden();
  await editor.getByRole('tab', { name: 'JSON' }).click();
  const code = editor.getByRole('textbox', { name: 'Scenario JSON' });
  await expect(code).toBeVisible();
  // Hovering a key shows what the world's JSON Schema expects there.
  // Line 2 is `  "version": 1,`: 40 px in is inside the key.
  await editor
    .locator('.cm-line')
    .nth(1)
    .hover({ position: { x: 40, y: 8 } });
  await expect(editor.getByText('version: exactly 1')).toBeVisible();
  await code.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect.poll(() => editor.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-json.png` });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
});

test('a generated certificate signs the daemon in; removed from the app, the run fails with AADSTS700027', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, 'Daemon calls a web API with its own identity (client secret)');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit scenario' });
  await editor.getByRole('tab', { name: 'App registrations' }).click();
  const app = editor.getByRole('combobox', { name: 'App registration', exact: true });
  await app.selectOption({ label: 'Inventory Sync (daemon) (9b7e4c1a…)' });
  await editor.getByRole('button', { name: 'Generate a certificate' }).click();
  await editor.getByRole('button', { name: 'Use it to sign in as this app' }).click();
  await expect(editor.getByText(/now signs client assertions with/)).toBeVisible();
  await expect(editor.getByRole('status')).toHaveText(/^Flow succeeded/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-certificate.png` });
  await editor.getByRole('button', { name: /Remove certificate CN=Inventory Sync/ }).click();
  await expect(editor.getByRole('status')).toHaveText(/AADSTS700027/);
});

test('lists in the editor: a user and a delegated grant are added, then removed', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit scenario' });
  await editor.getByRole('tab', { name: 'Directory' }).click();
  const users = editor.locator('fieldset.editor-group > legend');
  const before = await users.count();
  await editor.getByRole('button', { name: 'Add user' }).click();
  await expect(editor.getByRole('group', { name: 'New user' })).toBeVisible();
  await expect(users).toHaveCount(before + 1);
  await editor.getByRole('button', { name: 'Remove user New user' }).click();
  await expect(editor.getByRole('group', { name: 'New user' })).toHaveCount(0);
  await expect(users).toHaveCount(before);

  await editor.getByRole('tab', { name: 'Grants' }).click();
  const grants = editor.getByRole('group', { name: /^Grant \d+$/ });
  const count = await grants.count();
  await editor.getByRole('button', { name: 'Add a delegated grant' }).click();
  await expect(grants).toHaveCount(count + 1);
  await editor.getByRole('button', { name: `Remove grant ${count + 1}` }).click();
  await expect(grants).toHaveCount(count);
});
