// Decode a token: paste a simulator token (signature verified), a malformed one, a foreign-key one.
import { SignJWT, generateKeyPair } from 'jose';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  CC_SECRET_TITLE,
  inspector,
  openApp,
  pickScenario,
  saveScreenshot,
  stepToEnd,
} from './helpers';

async function openDecoder(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Decode a token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decode a token' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/nothing is sent anywhere/)).toBeVisible();
  return dialog;
}

/** The encoded access token the inspector shows on the last step of the client-credentials run. */
async function copySimulatorToken(page: Page): Promise<string> {
  await pickScenario(page, CC_SECRET_TITLE);
  await stepToEnd(page);
  await inspector(page)
    .getByRole('tab', { name: /Tokens/ })
    .click();
  const card = inspector(page)
    .getByRole('region', { name: /^Token/ })
    .first();
  await card.getByText('JOSE header and encoded token').click();
  const token = (await card.locator('pre.raw-token').innerText()).trim();
  expect(token.split('.')).toHaveLength(3);
  return token;
}

async function foreignToken(now: number): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({
    aud: 'api://contoso-orders',
    iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
    azp: '3f1a2b4c-0000-4000-8000-000000000001',
    azpacr: '1',
    name: 'Megan Bowen',
    oid: '6d1b7a2e-0000-4000-8000-000000000002',
    scp: 'Orders.Read',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    ver: '2.0',
    iat: now - 300,
    nbf: now - 300,
    exp: now + 3300,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'foreign-test-key' })
    .sign(privateKey);
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  const size = `${String(viewport.width)}x${String(viewport.height)}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test('decodes a simulator token from the inspector: signature verified', async ({ page }) => {
      await openApp(page);
      const token = await copySimulatorToken(page);
      const dialog = await openDecoder(page);
      // Pasted as a header value, with a line break: trimmed automatically.
      await dialog.getByRole('textbox', { name: 'JWT' }).fill(`Bearer ${token}\n`);
      const card = dialog.getByRole('region', { name: 'Pasted token' });
      await expect(card).toBeVisible();
      await expect(card.getByText('Signature verified', { exact: true })).toBeVisible();
      await expect(card.getByText('Access token', { exact: true })).toBeVisible();
      await expect(card.getByText(/app-only access token/)).toBeVisible();
      const claims = card.getByRole('table', { name: /Claims of/ });
      await expect(claims.getByRole('rowheader', { name: 'roles' })).toBeVisible();
      await expect(claims.getByRole('rowheader', { name: 'exp' })).toBeVisible();
      await expect(claims.getByText(/^Expiry/)).toBeVisible();
      await expect(claims.getByText(/\((in |.* ago)/).first()).toBeVisible();
      await saveScreenshot(page, `decode-simulator-${size}.png`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: 'Decode a token' })).toBeFocused();
    });

    test('names the malformed part', async ({ page }) => {
      await openApp(page);
      const dialog = await openDecoder(page);
      const box = dialog.getByRole('textbox', { name: 'JWT' });
      await box.fill('eyJhbGciOiJSUzI1NiJ9.not*base64.c2ln');
      await expect(
        dialog.getByText(/Part 2 \(payload\) is not base64url: character 4 is "\*"/),
      ).toBeVisible();
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await box.fill('only.two');
      await expect(dialog.getByText(/3 dot-separated parts.*this has 2/)).toBeVisible();
      await box.fill('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
      await expect(dialog.getByText(/Part 1 \(header\) says "alg": "none"/)).toBeVisible();
      await box.fill('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d');
      await expect(dialog.getByText(/encrypted token \(JWE\)/)).toBeVisible();
      await box.fill('eyJhbGciOiJSUzI1NiJ9.WzEsMl0.c2ln');
      await expect(
        dialog.getByText('Part 2 (payload) is JSON but not a JSON object (it is an array).'),
      ).toBeVisible();
      await saveScreenshot(page, `decode-malformed-${size}.png`);
    });

    test('a token signed by a foreign key cannot be verified offline', async ({ page }) => {
      const requests: string[] = [];
      // The dialog measures times from the wall clock: fix the page's clock to the token's "now",
      // so "in 55 min" cannot become "in 54 min" when a minute turns during the test.
      const now = Math.floor(Date.now() / 1000);
      await page.clock.setFixedTime(new Date(now * 1000));
      await openApp(page);
      page.on('request', (request) => requests.push(request.url()));
      const dialog = await openDecoder(page);
      await dialog.getByRole('textbox', { name: 'JWT' }).fill(await foreignToken(now));
      const card = dialog.getByRole('region', { name: 'Pasted token' });
      await expect(card.getByText('Cannot verify offline', { exact: true })).toBeVisible();
      await expect(
        card.getByText(/Cannot verify offline: the signing key is not one of the simulator's/),
      ).toBeVisible();
      await expect(card.getByText('v2.0', { exact: true })).toBeVisible();
      await expect(card.getByText(/delegated access token/)).toBeVisible();
      await expect(card.getByText('in 55 min', { exact: false })).toBeVisible();
      await saveScreenshot(page, `decode-foreign-${size}.png`);
      // Nothing left the page but its own lazily loaded chunks.
      const origin = new URL(page.url()).origin;
      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    });
  });
}
