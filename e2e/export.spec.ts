// Exports: Mermaid and HAR downloads validated by their own parsers, the printable page, and
// per-request curl and MSAL code.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { harValidator } from '../src/state/export/har.test-helpers';
import { OBO_TITLE, openApp, pickScenario, saveScreenshot, stepToEnd } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

async function exportItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile((await download.path()) ?? '', 'utf8');
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await pickScenario(page, OBO_TITLE);
  await stepToEnd(page);
});

test('the Export menu is a menu of items and closes on Escape', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Export' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem');
  await expect(items).toHaveText([
    'Mermaid sequence diagram',
    'HAR file',
    'Sequence diagram (SVG)',
    'Sequence diagram (PNG)',
    'Print all steps',
  ]);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(button).toBeFocused();
});

test('Mermaid: the downloaded .mmd parses with Mermaid and has an arrow per message', async ({
  page,
}) => {
  await exportItem(page, 'Mermaid sequence diagram');
  const dialog = page.getByRole('dialog', { name: 'Mermaid sequence diagram' });
  await expect(dialog).toBeVisible();
  const text = await downloaded(page, 'Download .mmd');
  expect(text).toBe(await dialog.getByRole('textbox', { name: 'Mermaid' }).inputValue());
  expect(text.startsWith('sequenceDiagram')).toBe(true);
  expect(text.match(/(->>|-->>)/g)?.length).toBe(10);
  const mermaid = (await import('mermaid')).default;
  await expect(mermaid.parse(text)).resolves.toBeTruthy();
  await saveScreenshot(page, 'export-mermaid.png');
});

test('HAR: the downloaded file is valid HAR 1.2, redacted by default', async ({ page }) => {
  await exportItem(page, 'HAR file');
  const dialog = page.getByRole('dialog', { name: 'HAR file' });
  const redacted = JSON.parse(await downloaded(page, 'Download .har')) as {
    log: { entries: { request: { url: string } }[] };
  };
  const validate = harValidator();
  expect(validate(redacted) ? [] : validate.errors).toEqual([]);
  expect(redacted.log.entries).toHaveLength(5);
  expect(JSON.stringify(redacted)).toContain('[redacted by OAuth Flow Simulator]');
  expect(JSON.stringify(redacted)).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  await dialog.getByRole('checkbox', { name: /Redact secrets/ }).uncheck();
  const plain = JSON.parse(await downloaded(page, 'Download .har')) as unknown;
  expect(validate(plain) ? [] : validate.errors).toEqual([]);
  expect(JSON.stringify(plain)).toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
});

test('Sequence diagram (SVG) and (PNG): a well-formed SVG with a title per element, and a PNG', async ({
  page,
}) => {
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    exportItem(page, 'Sequence diagram (SVG)'),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('obo-secret-steps-1-10.svg');
  const svg = await readFile((await svgDownload.path()) ?? '', 'utf8');
  const { DOMParser } = await import('@xmldom/xmldom');
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.documentElement?.nodeName).toBe('svg');
  expect(doc.getElementsByTagName('title').length).toBeGreaterThan(10);
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    exportItem(page, 'Sequence diagram (PNG)'),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('obo-secret-steps-1-10.png');
  const png = await readFile((await pngDownload.path()) ?? '');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(800);
});

test('Print all steps: one page with every step, its narration and decoded tokens', async ({
  page,
}) => {
  await exportItem(page, 'Print all steps');
  const doc = page.getByRole('document', { name: OBO_TITLE });
  await expect(doc).toBeVisible();
  await expect(doc.getByRole('heading', { level: 2 })).toHaveCount(10);
  await expect(doc.getByRole('table').first()).toContainText('aud');
  await expect(doc.getByRole('button', { name: 'Print' })).toBeVisible();
  await saveScreenshot(page, 'export-print.png');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Next step' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await doc.getByRole('button', { name: 'Close' }).click();
  await expect(doc).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
});

test('a token request copies as curl (bash, PowerShell) and as MSAL code', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Step 4: the middle tier's OBO request to the token endpoint.
  await page.getByRole('region', { name: 'Messages' }).getByRole('button').nth(3).click();
  await page.getByRole('tab', { name: 'Request' }).click();
  const actions = page.getByRole('group', { name: 'Copy this request' });
  await actions.getByRole('button', { name: 'Copy as curl (bash)' }).click();
  const bash = await page.evaluate(() => navigator.clipboard.readText());
  expect(bash).toMatch(/^curl 'https:\/\/login\.microsoftonline\.com\/.*\/oauth2\/v2\.0\/token'/);
  expect(bash).toContain('--data-raw');
  await actions.getByRole('button', { name: 'Copy as curl (PowerShell)' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl\.exe /);
  await actions.getByRole('combobox', { name: 'Language' }).selectOption('MSAL.NET');
  await actions.getByRole('button', { name: 'Copy as code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'AcquireTokenOnBehalfOf',
  );
  await saveScreenshot(page, 'export-request-actions.png');
});
