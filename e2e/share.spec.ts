// Share links and embeds: the same screen in a fresh browser, bad links, the player in a host page.
import { createServer } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import {
  OBO_TITLE,
  openApp,
  pickScenario,
  saveScreenshot,
  stepCounter,
  stepForward,
} from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a shared link opens the same screen in a fresh browser, with the same token B', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickScenario(page, OBO_TITLE);
  await page.getByRole('checkbox', { name: /consent missing/i }).check();
  await page.getByRole('checkbox', { name: /consent missing/i }).uncheck();
  // Step 5: the authority answers the OBO request with token B.
  await stepForward(page, 5);
  await page.getByRole('tab', { name: /Tokens/ }).click();
  const share = await openShare(page);
  const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
  expect(link).toContain('#s1=');
  expect(link.length).toBeLessThan(2000);
  await saveScreenshot(page, 'share-dialog.png');
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status').first()).toHaveText(/Copied|did not allow/);
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  const before = await page.getByRole('complementary', { name: 'Inspector' }).innerText();

  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(stepCounter(other)).toHaveText(/^Step 5 of \d+$/);
  await expect(other.getByRole('tab', { name: /Tokens/ })).toHaveAttribute('aria-selected', 'true');
  // The same inspector, token B's claims and signature included (runs are deterministic).
  const after = await other.getByRole('complementary', { name: 'Inspector' }).innerText();
  expect(after).toBe(before);
  expect(after).toContain('Token B');
  await fresh.close();
});

test('back and forward move between the states the person made', async ({ page }) => {
  await openApp(page);
  await pickScenario(page, OBO_TITLE);
  const consent = page.getByRole('checkbox', { name: /consent missing/i });
  await consent.check();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.goBack();
  await expect(consent).not.toBeChecked();
  await page.goForward();
  await expect(consent).toBeChecked();
});

test('a corrupted link shows what it could not restore and a working app', async ({ page }) => {
  await page.goto('/#s1=bm90IGEgbGluaw');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  const messages = page.getByRole('status', { name: 'Messages' });
  await expect(messages).toContainText('incomplete or damaged');
  await page.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(messages).not.toContainText('damaged');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCounter(page)).toHaveText(/^Step 1 of/);
});

test('the embed code plays in a host page without scrolling it, and reports its size and steps', async ({
  page,
}) => {
  let hostPage = '';
  // A host page served from another local origin (Chromium's local-network checks block a
  // page that is not on a local address from framing localhost).
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(hostPage);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const hostUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  await openApp(page);
  await pickScenario(page, OBO_TITLE);
  const share = await openShare(page);
  await share.getByRole('spinbutton', { name: 'End step' }).fill('6');
  await share.getByRole('textbox', { name: /Host origins/ }).fill(hostUrl.slice(0, -1));
  const code = await share.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toMatch(
    /^<iframe src="http:\/\/localhost:\d+\/[^"]*#s1=[^"]+" title="OAuth Flow Simulator: /,
  );
  expect(code).toContain('loading="lazy"');
  expect(code).toContain('sandbox="allow-scripts');
  expect(code).not.toContain('allow-same-origin');
  const markdown = await share.getByRole('textbox', { name: /Markdown link/ }).inputValue();
  expect(markdown).toMatch(/^\[OAuth Flow Simulator: .*\]\(http:\/\/localhost:\d+\/.*#s1=/);

  hostPage = `<!doctype html><html><body style="margin:0">
    <div style="height:480px;background:#eee">Intro text</div>
    ${code.replace('loading="lazy"', '')}
    <div style="height:1500px">More text</div>
    <script>
      window.received = [];
      addEventListener('message', (e) => { if (e.data && e.data.source === 'oauth-flow-simulator') window.received.push(e.data); });
    </script></body></html>`;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(hostUrl);
  await page.evaluate(() => window.scrollTo(0, 480));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(frame.getByRole('link', { name: 'Open in the simulator' })).toBeVisible();
  await expect(frame.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  for (let i = 0; i < 6; i += 1) await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame.getByText(/^Step 6 of 6$/)).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Next step' })).toBeDisabled();
  expect(await page.evaluate(() => window.scrollY)).toBe(480);
  const received = await page.evaluate(
    () =>
      (window as unknown as { received: { type: string; index?: number; height?: number }[] })
        .received,
  );
  expect(received.some((m) => m.type === 'resize' && (m.height ?? 0) > 0)).toBe(true);
  expect(received.filter((m) => m.type === 'step').at(-1)?.index).toBe(5);

  // The host may drive the player: goto from an allowed origin.
  await page.evaluate(() => {
    const frame = document.querySelector('iframe');
    frame?.contentWindow?.postMessage({ type: 'goto', index: 1 }, '*');
  });
  await expect(frame.getByText(/^Step 2 of 6$/)).toBeVisible();
  // The inspector counts to the range's end, as the controls do.
  await expect(frame.getByRole('heading', { name: /^Step 2 of 6:/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/embed-in-page.png' });

  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    frame.getByRole('link', { name: 'Open in the simulator' }).click(),
  ]);
  await expect(popup.getByRole('button', { name: 'Share' })).toBeVisible();
  await expect(stepCounter(popup)).toHaveText(/^Step 2 of \d+$/);
  server.close();
});

for (const size of [
  { width: 800, height: 500 },
  { width: 640, height: 400 },
]) {
  test(`the embedded player reads well at ${size.width}x${size.height}`, async ({ page }) => {
    await openApp(page);
    await pickScenario(page, OBO_TITLE);
    const share = await openShare(page);
    const code = await share.getByRole('textbox', { name: 'Embed code' }).inputValue();
    const url = /src="([^"]+)"/.exec(code)?.[1]?.replaceAll('&amp;', '&') ?? '';
    await page.setViewportSize(size);
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await stepForward(page, 5);
    await saveScreenshot(page, `embed-${size.width}x${size.height}.png`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight > window.innerHeight + 1,
    );
    expect(overflow).toBe(false);
  });
}
