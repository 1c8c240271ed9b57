// Journeys of issue 6: decision-shaped what-ifs answer their prompt, an MFA denial is an error step,
// names follow the scenario's user, and the app runs under its Content-Security-Policy.
import { expect, test, type Page } from '@playwright/test';
import {
  FULL_CHAIN_TITLE,
  OBO_TITLE,
  REFRESH_TITLE,
  inspector,
  openApp,
  pickScenario,
  saveScreenshot,
  stepToEnd,
  stepUntilVisible,
} from './helpers';

const AUTH_CODE_TITLE = 'Web app gets a code through the browser, with consent and PKCE';

test.use({ viewport: { width: 1440, height: 900 } });

/** Records every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function signIn(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, dialog);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
}

test('the app runs under a strict Content-Security-Policy with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await openApp(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');

  await pickScenario(page, OBO_TITLE);
  await stepToEnd(page);
  await page.getByRole('tab', { name: /Tokens/ }).click();
  await pickScenario(page, FULL_CHAIN_TITLE);
  await signIn(page);
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('"User cancels consent" pre-selects Cancel, labelled as set by the what-if', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, AUTH_CODE_TITLE);
  await page.getByRole('checkbox', { name: 'User cancels consent' }).check();
  await signIn(page);
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await expect(consent.getByRole('note')).toContainText('Set by the what-if');
  await expect(consent.getByRole('note')).toContainText('User cancels consent');
  await expect(consent.getByRole('button', { name: 'Accept' })).toBeDisabled();
  await expect(consent.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await saveScreenshot(page, 'preset-cancel-consent.png');
  // Next gives the what-if's answer.
  await page.keyboard.press('Escape');
  await expect(consent).toBeHidden();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(consent).toBeVisible();
  await consent.getByRole('button', { name: 'Cancel' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow failed:')).toBeVisible();
  await expect(inspector(page).getByText('AADSTS65004')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Messages' }).getByText('Ada: cancels (set by the what-if)'),
  ).toBeVisible();
});

test('"Refresh token expired" plays on by itself past its clock prompt to AADSTS700082', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, REFRESH_TITLE);
  await page.getByRole('checkbox', { name: 'Refresh token expired' }).check();
  await signIn(page);
  const clock = page.getByRole('group', { name: 'Simulated clock' });
  await stepUntilVisible(page, clock.getByRole('button', { name: '+91 days' }));
  await expect(clock.getByRole('button', { name: '+5 min' })).toBeDisabled();
  await expect(page.getByRole('region', { name: /Let time pass/ }).getByRole('note')).toContainText(
    'Refresh token expired',
  );
  await saveScreenshot(page, 'preset-clock.png');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Flow failed:')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/AADSTS700082/).first()).toBeVisible();
});

test('denying MFA ends on the authority error page: a red step with AADSTS500121 why and fix', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  await page.getByRole('checkbox', { name: /Reports API requires MFA/ }).check();
  await signIn(page);
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  const mfa = page.getByRole('dialog', { name: 'Approve sign in request' });
  await stepUntilVisible(page, mfa);
  await mfa.getByRole('button', { name: 'Deny' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow failed:')).toBeVisible();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Why this failed' })).toBeVisible();
  await expect(panel.getByText('AADSTS500121').first()).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'How to fix' })).toBeVisible();
  await expect(page.getByText('Reply URL matched')).toHaveCount(0);
  await saveScreenshot(page, 'mfa-denied.png');
});

test('an admin consenting for the organization is Grace everywhere, and the tick decides the grant', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, AUTH_CODE_TITLE);
  await page.getByRole('checkbox', { name: 'An admin consents for the organization' }).check();
  await signIn(page);
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await expect(consent).toContainText("Grace's browser");
  await expect(consent).toContainText('You decide for Grace');
  await expect(consent).not.toContainText('Ada');
  await consent.getByRole('checkbox', { name: 'Consent on behalf of your organization' }).check();
  await saveScreenshot(page, 'admin-consent-grace.png');
  await consent.getByRole('button', { name: 'Accept' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  await page
    .getByRole('button', { name: /Grace's browser to Microsoft Entra ID: POST/ })
    .last()
    .click();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Narration' }).click();
  await expect(panel).not.toContainText(/\bAda\b/);
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Grace's browser: 302 Found/ })
    .last()
    .click();
  await expect(panel.getByRole('region', { name: 'What happened' })).toContainText(
    'Consent recorded for the whole organization',
  );

  // The same what-if without the tick: Grace consents for herself only.
  await page.getByRole('button', { name: 'Reset' }).click();
  await signIn(page);
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  await stepToEnd(page);
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Grace's browser: 302 Found/ })
    .last()
    .click();
  await expect(panel.getByRole('region', { name: 'What happened' })).toContainText(
    'Consent recorded for this user',
  );
});
