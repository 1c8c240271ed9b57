// Workspace: Save as, My scenarios in the picker after a reload, rename / duplicate / delete with
// undo, Export scenario and Import scenario (file input and drag-and-drop), and a corrupted store.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { OBO_TITLE, openApp, stepToEnd } from './helpers';

/** Opens the "My scenarios" dialog from the header. */
async function openWorkspace(page: Page) {
  await page.getByRole('button', { name: 'My scenarios', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'My scenarios' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Saves the scenario on screen under `name` from the dialog, and closes it. */
async function saveAs(page: Page, name: string): Promise<void> {
  const dialog = await openWorkspace(page);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save as' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Saved as "${name}" in My scenarios.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** The labels of the picker's "My scenarios" options. */
function savedOptions(page: Page) {
  return page
    .getByRole('combobox', { name: 'Scenario' })
    .locator('optgroup[label="My scenarios"] option');
}

/**
 * Writes junk into the app's IndexedDB store, behind the app's back: two bad entries appended to
 * the record (`append`), or the whole record replaced by a string (`replace`).
 */
async function corruptStore(page: Page, how: 'append' | 'replace'): Promise<void> {
  await page.evaluate(async (mode) => {
    const change = (record: unknown): unknown => {
      if (mode === 'replace') return 'not a record at all';
      const entries = (record as { entries: unknown[] }).entries;
      entries.push({ id: 'x', name: 'Broken one', savedAt: 1, world: { title: 7 } }, 'junk');
      return record;
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('oauth-flow-simulator');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = (mode: IDBTransactionMode) =>
      db.transaction('workspace', mode).objectStore('workspace');
    const record = await new Promise<unknown>((resolve) => {
      const get = store('readonly').get('workspace');
      get.onsuccess = () => resolve(get.result);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('workspace', 'readwrite');
      tx.objectStore('workspace').put(change(record), 'workspace');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, how);
}

test('Save as keeps the scenario across a reload, under My scenarios, with rename, duplicate and delete with undo', async ({
  page,
}) => {
  await openApp(page);
  await saveAs(page, 'Class demo');
  await expect(savedOptions(page)).toHaveText(['Class demo']);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(savedOptions(page)).toHaveText(['Class demo']);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: OBO_TITLE });
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Class demo' });
  await expect(page.getByRole('heading', { level: 2, name: OBO_TITLE })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(
    page.getByRole('combobox', { name: 'Scenario' }).locator('option:checked'),
  ).toHaveText('Class demo');

  const dialog = await openWorkspace(page);
  const list = dialog.getByRole('list', { name: 'My scenarios' });
  // Escape leaves the name field, not the dialog, and focus goes back to Rename.
  await list.getByRole('button', { name: 'Rename Class demo' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(list.getByRole('button', { name: 'Rename Class demo' })).toBeFocused();
  await list.getByRole('button', { name: 'Rename Class demo' }).click();
  await list.getByRole('textbox', { name: 'New name for Class demo' }).fill('Workshop');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Renamed "Class demo" to "Workshop".');
  await list.getByRole('button', { name: 'Duplicate Workshop' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('button', { name: 'Open Workshop (copy)' })).toBeVisible();
  await list.getByRole('button', { name: 'Delete Workshop (copy)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const undo = dialog.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  // The dialog with its list and the Undo line passes axe.
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );
  await undo.click();
  await expect(dialog.getByRole('status')).toHaveText('Restored "Workshop (copy)".');
  await list.getByRole('button', { name: 'Delete Workshop', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(savedOptions(page)).toHaveText(['Workshop (copy)']);
});

test('Export scenario downloads a versioned file that Import scenario (and a drop) opens again; bad files get precise messages', async ({
  page,
}) => {
  await openApp(page);
  let dialog = await openWorkspace(page);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Exported chain');
  await dialog.getByRole('button', { name: 'Save as' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('exported-chain.scenario.json');
  const path = (await download.path()) ?? '';
  const text = await readFile(path, 'utf8');
  const file = JSON.parse(text) as { format: string; version: number; name: string };
  expect(file).toMatchObject({
    format: 'oauth-flow-simulator/scenario',
    version: 1,
    name: 'Exported chain',
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Back to a built-in scenario, then the file opens the exported one again.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: OBO_TITLE });
  dialog = await openWorkspace(page);
  await dialog.getByLabel('Import scenario').setInputFiles({
    name: 'exported-chain.scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(dialog).toBeHidden();
  const messages = page.getByRole('status', { name: 'Messages' });
  await expect(messages).toContainText(
    'Imported "Exported chain" from "exported-chain.scenario.json".',
  );

  // Bad files: a message for each.
  dialog = await openWorkspace(page);
  await dialog.getByLabel('Import scenario').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "oauth-flow-simulator/scenario", "version": 1,'),
  });
  // Shown in the dialog, next to the file input (the page's notices are behind the dialog).
  await expect(dialog.getByRole('status')).toContainText(
    '"notes.json" could not be imported. The file is not JSON',
  );
  await dialog.getByLabel('Import scenario').setInputFiles({
    name: 'broken.scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.replace('"tenants"', '"tenantz"')),
  });
  await expect(dialog.getByRole('status')).toContainText(
    '"broken.scenario.json" could not be imported. The scenario in the file is not valid: world.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Drag and drop: the exported file dropped on the app.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: OBO_TITLE });
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.scenario.json', { type: 'application/json' }));
    return data;
  }, text);
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(messages).toContainText('Imported "Exported chain" from "dropped.scenario.json".');
  // A bad file dropped: its message is a notice.
  const junk = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    return data;
  });
  await page.dispatchEvent('main', 'drop', { dataTransfer: junk });
  await expect(messages).toContainText('"notes.txt" could not be imported. The file is not JSON');
});

/** Steps to the end and checks that the OBO hop failed with AADSTS65001. */
async function expectConsentFailure(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await stepToEnd(page);
  await expect(page.getByText('Flow failed:')).toBeVisible();
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Todo API \(API A\): 400 Bad Request/ })
    .click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByText('AADSTS65001')).toBeVisible();
}

test('an edited world (no consent for API B) is what is saved: after a reload it still fails with AADSTS65001', async ({
  page,
}) => {
  await openApp(page);
  let dialog = await openWorkspace(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
    name: string;
    world: { directory: { oauth2PermissionGrants: unknown[] } };
  };
  // The edit: nobody consented to the Todo API calling the Reports API.
  file.name = 'No consent for API B';
  file.world.directory.oauth2PermissionGrants = [];
  await dialog.getByLabel('Import scenario').setInputFiles({
    name: 'no-consent.scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(dialog).toBeHidden();
  await saveAs(page, 'No consent for API B');
  await page.reload();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: OBO_TITLE });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page
    .getByRole('combobox', { name: 'Scenario' })
    .selectOption({ label: 'No consent for API B' });
  await expectConsentFailure(page);
  dialog = await openWorkspace(page);
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('No consent for API B');
});

test('a corrupted store: the app loads, keeps what it can read and says what was dropped', async ({
  page,
}) => {
  await openApp(page);
  await saveAs(page, 'Kept');
  await corruptStore(page, 'append');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  const messages = page.getByRole('status', { name: 'Messages' });
  await expect(messages).toContainText(
    'Saved scenarios: 3 saved scenarios, 2 could not be read and were dropped: "Broken one": world.',
  );
  await expect(messages).toContainText('entry 3 (no readable name)');
  await expect(savedOptions(page)).toHaveText(['Kept']);

  await corruptStore(page, 'replace');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(messages).toContainText('Your saved scenarios could not be read');
  // Nothing saved is left; the world on screen (restored from the link) is offered as not saved.
  await expect(savedOptions(page)).toHaveText([`${OBO_TITLE} (not saved)`]);
});

test('without IndexedDB (blocked by the browser) the app works, says so, and Export scenario still works', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value: () => {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    });
  });
  await openApp(page);
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText(
    'Saved scenarios are not available in this browser',
  );
  const dialog = await openWorkspace(page);
  await expect(dialog.getByRole('button', { name: 'Save as' })).toBeDisabled();
  await expect(
    dialog.getByText('The user denied permission to access the database.'),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.scenario\.json$/);
});

test('a scenario saved in one tab appears in the other tab’s picker', async ({ page, context }) => {
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  await saveAs(page, 'Saved in tab one');
  await expect(savedOptions(other)).toHaveText(['Saved in tab one']);
  await other.close();
});
