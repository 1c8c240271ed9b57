// Admin consent journey: Fabrikam's admin signs in, grants the application permission for her organization, the daemon works in Fabrikam.
import { expect, test } from '@playwright/test';
import { inspector, openApp, pickScenario, stepToEnd, stepUntilVisible } from './helpers';

// Packets land at once (no animation to wait for): these journeys check what the steps say.
test.use({ reducedMotion: 'reduce' });

const ADMIN_CONSENT_TITLE = "A customer's admin onboards a multi-tenant daemon (admin consent)";

/** Where pictures for people to look at go (outside the repository), and the sizes to check. */
const SHOTS = process.env.TENANTS_SHOTS;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 800, height: 500 },
];

test('admin consent: the admin grants User.Read.All for Fabrikam, the daemon gets a Fabrikam token', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, ADMIN_CONSENT_TITLE);

  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await expect(signIn).toContainText('to continue to Contoso Org Chart');
  await expect(signIn.getByRole('textbox', { name: /Email/ })).toHaveValue(
    'fatima@fabrikam.onmicrosoft.com',
  );
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();

  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await expect(consent).toContainText('Review for your organization');
  await expect(consent).toContainText('Contoso Org Chart');
  const permissions = consent.getByRole('list', { name: 'Permissions' }).getByRole('listitem');
  await expect(permissions).toHaveCount(1);
  await expect(permissions.first()).toContainText("Read all users' full profiles");
  await expect(permissions.first()).toContainText('Application permission');
  await expect(permissions.first()).toContainText('Microsoft Graph');
  // Admin consent is tenant-wide by definition: no "on behalf of your organization" box.
  await expect(consent.getByRole('checkbox')).toHaveCount(0);
  await expect(consent).toContainText('for all users in your organization');
  if (SHOTS) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/admin-consent-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(SIZES[0] ?? { width: 1920, height: 1080 });
  }
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(consent).toBeHidden();

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  await expect(inspector(page)).toContainText('Connected');

  // Step back to the consent answer: what accepting created in Fabrikam.
  const messages = page.getByRole('region', { name: 'Messages' });
  await messages.getByText('302 Found').last().click();
  await expect(inspector(page)).toContainText('Provisioned in Fabrikam');
  await expect(inspector(page)).toContainText('Service principal created: Contoso Org Chart');
  if (SHOTS) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/provisioned-${size.width}x${size.height}.png` });
    }
  }
});

test('token cache: the second run 5 minutes later takes the token from the cache, no token request', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, 'A daemon calls the API twice, an hour apart (token cache)');
  const clock = page.getByRole('group', { name: 'Simulated clock' });
  const soon = clock.getByRole('button', { name: '5 minutes later' });
  await stepUntilVisible(page, soon);
  await expect(clock.getByRole('button', { name: 'Two hours later (past exp)' })).toBeVisible();
  await expect(page.getByRole('region', { name: /The daemon runs again later/ })).toContainText(
    'token cache',
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/cache-clock-1920x1080.png` });
  await soon.click();
  await expect(soon).toBeHidden();

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  const rows = page.getByRole('region', { name: 'Messages' }).getByRole('listitem');
  const texts = await rows.allInnerTexts();
  expect(texts.filter((t) => /POST .*\/token/.test(t))).toHaveLength(1);
  const secondCall = texts.findLastIndex((t) => t.includes('GET /orders'));
  await rows.nth(secondCall).getByRole('button').first().click();
  await expect(inspector(page)).toContainText('took the token from its cache');
  if (SHOTS) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/cache-hit-${size.width}x${size.height}.png` });
    }
  }
});
