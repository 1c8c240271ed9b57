// Sign-in journeys: the person answers the sign-in, consent and clock prompts the flow waits at.
import { expect, test, type Page } from '@playwright/test';
import {
  FULL_CHAIN_TITLE,
  OIDC_TITLE,
  REFRESH_TITLE,
  inspector,
  openApp,
  pickScenario,
  saveScreenshot,
  stepCounter,
  stepToEnd,
  stepUntilVisible,
} from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** Opens the combined-consent chain and signs Ada in; returns the consent dialog. */
async function signInToConsent(page: Page) {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  return consent;
}

test('combined consent: sign in, accept the combined permissions, token B is for the Reports API', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await expect(signIn).toHaveAttribute('aria-modal', 'true');
  await expect(signIn).toContainText('to continue to Contoso Todo web app');
  await expect(signIn.getByRole('textbox', { name: /Email/ })).toHaveValue(
    'ada@contoso.onmicrosoft.com',
  );
  await expect(signIn.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await expect(page.getByRole('group', { name: /Ada \(the user\)/ })).toContainText(
    'Your turn: sign in',
  );
  await saveScreenshot(page, 'sign-in-prompt.png');

  // Esc steps back without answering; stepping on brings the prompt back.
  const counter = (await stepCounter(page).textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(signIn).toBeHidden();
  await expect(stepCounter(page)).not.toHaveText(counter);
  await stepUntilVisible(page, signIn);

  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();
  await expect(
    page.getByRole('region', { name: 'Messages' }).getByText('Ada: signs in'),
  ).toBeVisible();

  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await expect(consent).toContainText('Contoso Todo web app');
  await expect(consent).toContainText('contoso.onmicrosoft.com');
  await expect(consent).toContainText('This app would like to:');
  const permissions = consent.getByRole('list', { name: 'Permissions' }).getByRole('listitem');
  // /.default: combined from the web app's requiredResourceAccess (Orders API, Todo API) and,
  // through knownClientApplications, the Todo API's own need (Reports API).
  await expect(permissions).toHaveCount(3);
  await expect(permissions.nth(0)).toContainText('Orders API');
  await expect(permissions.nth(1)).toContainText('Todo API');
  await expect(permissions.nth(2)).toContainText("Todo API: Read the signed-in user's reports");
  await expect(permissions.nth(2)).toContainText('Reports API');
  await expect(consent.getByRole('checkbox')).toHaveCount(0);
  await saveScreenshot(page, 'consent-prompt.png');
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(consent).toBeHidden();

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Response' }).click();
  await expect(panel.getByRole('tabpanel').getByText('200 OK', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'full-chain-end.png');

  const reportsApi = page.getByRole('group', { name: /Reports API \(API B\)/ });
  const appId = (await reportsApi.locator('code').first().textContent())?.trim() ?? '';
  expect(appId).toMatch(/^[0-9a-f-]{36}$/);
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Todo API \(API A\): 200 OK token B/ })
    .click();
  await panel.getByRole('tab', { name: /Tokens/ }).click();
  const tokenB = panel.getByRole('region', { name: /^Token B/ });
  await expect(tokenB.getByRole('row', { name: /^aud / })).toContainText(appId);
  await expect(tokenB).toContainText('delegated access token for Reports API');
  await expect(tokenB.getByRole('row', { name: /^scp / })).toContainText('Reports.Read');

  // The consent step lists the grants it created.
  await page
    .getByRole('button', { name: /Ada's browser to Microsoft Entra ID: POST .*consent/ })
    .click();
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Ada's browser: 302 Found/ })
    .last()
    .click();
  await panel.getByRole('tab', { name: 'Narration' }).click();
  const notes = panel.getByRole('region', { name: 'What happened' });
  await expect(notes).toContainText(
    'Grant created: Contoso Todo web app -> Orders API: Orders.Read',
  );
  await expect(notes).toContainText('Grant created: Contoso Todo web app -> Todo API: Todo.Read');
  await expect(notes).toContainText('Grant created: Todo API -> Reports API: Reports.Read');
  await panel.getByRole('tab', { name: 'Response' }).click();
  const location = panel.getByRole('table', { name: /Location query parameters/ });
  await expect(location.getByRole('row', { name: /^code / })).toBeVisible();
  await expect(location.getByRole('row', { name: /^state / })).toBeVisible();
});

test('cancelling consent ends in AADSTS65004 with why and how to fix', async ({ page }) => {
  const consent = await signInToConsent(page);
  await consent.getByRole('button', { name: 'Cancel' }).click();
  await expect(consent).toBeHidden();
  await stepToEnd(page);
  await expect(page.getByText('Flow failed:')).toBeVisible();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Why this failed' })).toBeVisible();
  await expect(panel.getByText('AADSTS65004')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'How to fix' })).toBeVisible();
  await saveScreenshot(page, 'consent-cancelled.png');

  // The redirect back carries the error in its Location, one parameter a row.
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Ada's browser: 302 Found/ })
    .last()
    .click();
  await panel.getByRole('tab', { name: 'Response' }).click();
  const location = panel.getByRole('table', { name: /Location query parameters/ });
  await expect(location.getByRole('row', { name: /^error / })).toContainText('consent_required');
  await expect(location.getByRole('row', { name: /^error_description / })).toContainText(
    'AADSTS65004',
  );
  await expect(location.getByRole('row', { name: /^state / })).toBeVisible();
});

test('OIDC with a wildcard reply URL signs in and shows the wildcard match', async ({ page }) => {
  await openApp(page);
  await pickScenario(page, OIDC_TITLE);
  const wildcard = page.getByRole('checkbox', { name: 'Wildcard reply URL' });
  await wildcard.check();
  await expect(wildcard).toBeChecked();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();

  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Response' }).click();
  await expect(panel.getByRole('tabpanel').getByText('200 OK', { exact: true })).toBeVisible();

  // The authorize request, decoded.
  await page
    .getByRole('button', { name: /Ada's browser to Microsoft Entra ID: GET .*authorize/ })
    .click();
  await panel.getByRole('tab', { name: 'Request' }).click();
  const query = panel.getByRole('table', { name: /Query parameters/ });
  await expect(query.getByRole('row', { name: /^response_type / })).toContainText('code id_token');
  await expect(query.getByRole('row', { name: /^nonce / })).toBeVisible();
  await expect(query.getByRole('row', { name: /^redirect_uri / })).toContainText(
    'https://webapp.contoso.example/signin-oidc',
  );

  // Its answer: the sign-in page, and the reply URL matched a wildcard registration.
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Ada's browser: 200 OK/ })
    .first()
    .click();
  await panel.getByRole('tab', { name: 'Narration' }).click();
  const notes = panel.getByRole('region', { name: 'What happened' });
  await expect(notes).toContainText('Reply URL matched a wildcard registration');
  await expect(notes).toContainText('Wildcard: yes');
  await expect(notes).toContainText('Registered: https://*.contoso.example/signin-oidc');
  await saveScreenshot(page, 'oidc-wildcard.png');
  await panel.getByRole('tab', { name: 'Response' }).click();
  await expect(panel.getByRole('heading', { name: 'HTML page: Sign-in page' })).toBeVisible();

  // The ID token, decoded like an access token.
  await page
    .getByRole('button', { name: /Ada's browser to Contoso Todo web app: POST \/signin-oidc/ })
    .click();
  await panel.getByRole('tab', { name: /Tokens/ }).click();
  const idToken = panel.getByRole('region', { name: /^ID token/ });
  await expect(idToken.getByRole('row', { name: /^nonce / })).toBeVisible();
  await expect(idToken.getByRole('row', { name: /^c_hash / })).toBeVisible();
  await expect(idToken.getByText('Signature verified', { exact: true })).toBeVisible();
});

test('refresh: past token expiry the API answers 401, the app refreshes and gets 200', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, REFRESH_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  const clock = page.getByRole('group', { name: 'Simulated clock' });
  const expiry = clock.getByRole('button', { name: 'Past token expiry (+2 h)' });
  await stepUntilVisible(page, expiry);
  await expect(clock.getByRole('button', { name: '+5 min' })).toBeVisible();
  await expect(clock.getByRole('button', { name: '+91 days' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Let time pass/ })).toBeVisible();
  await saveScreenshot(page, 'refresh-clock.png');
  await expiry.click();
  await expect(expiry).toBeHidden();
  await expect(clock).toContainText('(+2 h)');

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  const rows = page.getByRole('region', { name: 'Messages' }).getByRole('listitem');
  const texts = await rows.allInnerTexts();
  const unauthorized = texts.findIndex((t) => t.includes('401 Unauthorized'));
  const refresh = texts.findIndex((t, i) => i > unauthorized && /POST .*\/token/.test(t));
  const ok = texts.findIndex((t, i) => i > refresh && t.includes('200 OK'));
  expect(unauthorized).toBeGreaterThan(0);
  expect(refresh).toBeGreaterThan(unauthorized);
  expect(ok).toBeGreaterThan(refresh);

  const panel = inspector(page);
  await rows.nth(refresh).getByRole('button').click();
  await panel.getByRole('tab', { name: 'Request' }).click();
  const form = panel.getByRole('table', { name: /Form body/ });
  await expect(form.getByRole('row', { name: /^grant_type / })).toContainText('refresh_token');

  // Back to the 401 as the current step, so the canvas shows it too.
  for (let i = texts.length - 1; i > unauthorized; i -= 1) {
    await page.getByRole('button', { name: 'Previous step' }).click();
  }
  await expect(stepCounter(page)).toHaveText(`Step ${unauthorized + 1} of ${texts.length}`);
  await panel.getByRole('tab', { name: 'Narration' }).click();
  await expect(panel.getByText('401 Unauthorized')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Why this failed' })).toBeVisible();
  await saveScreenshot(page, 'refresh-401.png');
});

test('play stops at the sign-in prompt and goes on after "Sign in"', async ({ page }) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  await page.getByLabel('Speed').selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await expect(signIn).toBeVisible({ timeout: 20_000 });
  const waitingAt = (await stepCounter(page).textContent()) ?? '';
  await page.waitForTimeout(1500);
  await expect(stepCounter(page)).toHaveText(waitingAt);

  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await expect(consent).toBeVisible({ timeout: 20_000 });
  expect(Number((await stepCounter(page).textContent())?.match(/Step (\d+)/)?.[1])).toBeGreaterThan(
    Number(waitingAt.match(/Step (\d+)/)?.[1]) + 1,
  );
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Flow succeeded:')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test.describe('at 800x500', () => {
  test.use({ viewport: { width: 800, height: 500 } });

  test('the consent dialog fits a small iframe and keeps focus inside', async ({ page }) => {
    const consent = await signInToConsent(page);
    const accept = consent.getByRole('button', { name: 'Accept' });
    await expect(accept).toBeFocused();
    await accept.scrollIntoViewIfNeeded();
    await expect(accept).toBeInViewport();
    // Tab cycles within the dialog: Accept is last, so the next Tab stays inside it.
    await page.keyboard.press('Tab');
    const inside = await consent.evaluate((dialog) => dialog.contains(document.activeElement));
    expect(inside).toBe(true);
    await consent.evaluate((dialog) => dialog.scrollTo(0, 0));
    await saveScreenshot(page, 'small-800x500-consent.png');
    await accept.click();
    await expect(consent).toBeHidden();
  });
});

test('claims challenge: MFA required downstream, Ada approves MFA, the retried chain succeeds', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const mfaSwitch = page.getByRole('checkbox', { name: /Reports API requires MFA/ });
  await mfaSwitch.check();
  await expect(mfaSwitch).toBeChecked();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of/);

  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();

  // OBO fails with a claims challenge; the app signs Ada in again and the authority asks for MFA.
  const mfa = page.getByRole('dialog', { name: 'Approve sign in request' });
  await stepUntilVisible(page, mfa);
  await expect(mfa).toContainText('Require MFA for Reports API');
  await saveScreenshot(page, 'mfa-prompt.png');
  await mfa.getByRole('button', { name: 'Approve' }).click();
  await expect(mfa).toBeHidden();

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: /Todo API \(API A\) to Contoso Todo web app: 401 Unauthorized/,
    }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: /Microsoft Entra ID to Todo API \(API A\): 400 Bad Request/ })
    .click();
  await expect(inspector(page).getByText('AADSTS50076')).toBeVisible();
});
