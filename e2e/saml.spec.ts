// SAML through OBO (issue 10 section 1): step to the authority's SAML answer, open the decoded
// assertion in the inspector, and follow the service's acceptance to the end.
import { expect, test } from '@playwright/test';
import { inspector, openApp, pickScenario, stepToEnd, stepUntilVisible } from './helpers';

const SAML_TITLE = 'Web API gets a SAML assertion on behalf of the user (OBO for SAML)';

/** Where pictures for people to look at go (outside the repository), and the sizes to check. */
const SHOTS = process.env.SAML_SHOTS;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 800, height: 500 },
];

test('obo-saml: the SAML assertion is decoded in the inspector, the SAML service accepts it', async ({
  page,
}) => {
  await openApp(page);
  await pickScenario(page, SAML_TITLE);
  await expect(page.getByText('SAML web service')).toBeVisible();

  const answer = inspector(page).getByRole('heading', {
    name: 'A signed SAML assertion, base64url-encoded in access_token',
  });
  await stepUntilVisible(page, answer);
  await expect(inspector(page)).toContainText('first nonwildcard Reply URL');

  await inspector(page)
    .getByRole('tab', { name: /Tokens/ })
    .click();
  const card = inspector(page).getByRole('region', { name: 'SAML assertion' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('SAML 2.0');
  await expect(card).toContainText('Signature verified');
  await expect(card.getByRole('table', { name: 'Elements of SAML assertion' })).toContainText(
    'https://timesheets.contoso.example/saml/acs',
  );
  await card.getByText('Assertion XML (pretty-printed)').click();
  const xml = card.getByLabel('XML of SAML assertion');
  await expect(xml).toContainText('<Audience>https://timesheets.contoso.example</Audience>');
  await expect(xml).not.toContainText('InResponseTo');
  if (SHOTS) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await card.getByRole('heading', { name: 'SAML assertion' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/saml-assertion-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(SIZES[0] ?? { width: 1920, height: 1080 });
  }

  await stepToEnd(page);
  await expect(page.getByText('Flow succeeded:')).toBeVisible();
  if (SHOTS) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/saml-end-${size.width}x${size.height}.png` });
    }
  }
});
