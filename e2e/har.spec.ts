// HAR replay: import a sample HAR, step through it, see a decoded token and a recognised step's
// narration; a malformed file gets its message; "Back to scenarios" returns.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { inspector, openApp, stepCounter } from './helpers';

const SIGN_IN = fileURLToPath(
  new URL('../public/samples/sample-sign-in-auth-code.har', import.meta.url),
);
const SAMPLE = fileURLToPath(
  new URL('../public/samples/sample-obo-client-credentials.har', import.meta.url),
);
const SHOTS = process.env.HAR_SHOTS; // a folder for the screenshots checked by eye (not in the repo)

async function importSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import HAR' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a HAR file' });
  await expect(dialog.getByText(/Nothing leaves this page/)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/dialog-${page.viewportSize()?.width}.png` });
  await dialog.getByLabel('Import HAR file').setInputFiles(SAMPLE);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: /HAR replay: sample-obo/ })).toBeVisible();
}

test('import a sample HAR and step through it: OBO narrated, tokens decoded, AADSTS explained', async ({
  page,
}) => {
  await openApp(page);
  await importSample(page);
  const next = page.getByRole('button', { name: 'Next step' });
  await next.click();
  await next.click();
  await expect(stepCounter(page)).toHaveText('Step 2 of 12');
  await expect(
    inspector(page).getByRole('heading', { name: /On-Behalf-Of: a web API exchanges/ }),
  ).toBeVisible();
  // The OBO request's client secret is masked until revealed.
  await inspector(page)
    .getByRole('tab', { name: /Request/ })
    .click();
  await expect(inspector(page).getByText('sampleCredentia1s')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show secrets' }).click();
  await expect(page.getByRole('button', { name: 'Show secrets' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    inspector(page)
      .getByText(/sampleCredentia1s/)
      .first(),
  ).toBeVisible();
  // Token A, decoded with its claims explained.
  await inspector(page)
    .getByRole('tab', { name: /Tokens/ })
    .click();
  await expect(
    inspector(page)
      .getByText(/Audience: who this token is for/)
      .first(),
  ).toBeVisible();
  await expect(
    inspector(page)
      .getByText(/Cannot verify offline/)
      .first(),
  ).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/replay-${page.viewportSize()?.width}.png` });
  // The failed client-credentials request: the catalogue's card for AADSTS7000215.
  for (let i = 0; i < 6; i += 1) await next.click();
  await expect(stepCounter(page)).toHaveText('Step 8 of 12');
  await inspector(page)
    .getByRole('tab', { name: /What happened|Narration|Why/ })
    .first()
    .click();
  await expect(inspector(page).getByText('Invalid client secret').first()).toBeVisible();
  // What-ifs are explained, not offered; the parties can be renamed.
  await page.getByText('Party names').click();
  await page.getByLabel('Name for api-a.contoso.example').fill('Todo API');
  await expect(page.getByText('Todo API').first()).toBeVisible();
  // Back to the scenario that was on screen.
  await page.getByRole('button', { name: 'Back to scenarios' }).click();
  await expect(page.getByRole('heading', { name: /HAR replay/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
});

test('a cut-short file (file input) and a HAR without identity traffic (dropped) get clear messages', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Import HAR' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a HAR file' });
  await dialog.getByLabel('Import HAR file').setInputFiles({
    name: 'notes.har',
    mimeType: 'application/json',
    buffer: Buffer.from('{"log": {"version": "1.2", "entries": ['),
  });
  await expect(dialog.getByRole('alert')).toHaveText(/cut short/);
  // Dropped on the dialog: a HAR of an ordinary page, with no identity traffic in it.
  const dataTransfer = await page.evaluateHandle(() => {
    const entry = {
      startedDateTime: '2026-01-15T09:30:00.000Z',
      time: 10,
      request: {
        method: 'GET',
        url: 'https://www.example.com/',
        httpVersion: 'HTTP/2',
        headers: [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/2',
        headers: [],
        cookies: [],
        content: { size: 5, mimeType: 'text/html', text: 'hello' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 5,
      },
      cache: {},
      timings: { send: 1, wait: 5, receive: 4 },
    };
    const har = {
      log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries: [entry] },
    };
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(har)], 'page.har', { type: 'application/json' }));
    return transfer;
  });
  await dialog.locator('.har-drop').dispatchEvent('drop', { dataTransfer });
  await expect(dialog.getByRole('alert')).toHaveText(/none to the Microsoft identity platform/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
});

test('the sign-in sample replays with the authorize step narrated; dialog and replay pass axe', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Import HAR' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a HAR file' });
  await expect(dialog.getByLabel('Import HAR file')).toBeVisible();
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
  await dialog.getByLabel('Import HAR file').setInputFiles(SIGN_IN);
  await expect(page.getByRole('button', { name: 'Back to scenarios' })).toBeVisible();
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < 3; i += 1) await next.click();
  await expect(
    inspector(page).getByRole('heading', { name: 'Authorization request (v2.0 endpoint)' }),
  ).toBeVisible();
  await expect(inspector(page).getByText(/PKCE \(S256\)/)).toBeVisible();
  // The replay's own parts (the rest of the screen is the scenarios' and a11y.spec.ts checks it).
  const replayParts = new AxeBuilder({ page }).include('.replay-bar').include('.inspector');
  expect((await replayParts.analyze()).violations).toEqual([]);
});
