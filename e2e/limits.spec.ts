// OBO client limitations: the implicit flow with a wildcard reply URL. The implicit access token
// goes through OBO; the what-if sends the implicit ID token into OBO and the authority refuses.
import { expect, test } from '@playwright/test';
import { inspector, openApp, pickScenario, stepToEnd, stepUntilVisible } from './helpers';

const IMPLICIT_TITLE = 'Implicit flow with a wildcard reply URL, then OBO';

test.use({ viewport: { width: 1440, height: 900 } });

test('implicit + wildcard: the access token is redeemed through OBO, the ID token is refused with the rule', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, IMPLICIT_TITLE);
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toBeHidden();
  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();

  const whatIf = page.getByRole('checkbox', { name: /exchanges its ID token/ });
  await whatIf.check();
  await expect(whatIf).toBeChecked();
  await stepUntilVisible(page, signIn);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await stepToEnd(page);
  await expect(page.getByText('Flow failed:')).toBeVisible();

  await page
    .getByRole('button', { name: /Microsoft Entra ID to Contoso Todo web app: 400 Bad Request/ })
    .click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Why this failed' })).toBeVisible();
  await expect(panel.getByText('AADSTS240002').first()).toBeVisible();
  await expect(
    panel.getByText(/^Rule: An ID token a client got through the implicit flow/),
  ).toBeVisible();
});
