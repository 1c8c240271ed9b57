// Accessibility: axe finds nothing on any scenario's first and last step (at 1920x1080, 1280x720
// and 800x500), in any dialog, in the light and the dark theme: every scenario's prompts at
// 1280x720, a subset (Share, the What-if drawer, the full chain with MFA through its dialogs) at
// 1920x1080 and 800x500 too, and that subset in high contrast at 1280x720. Violations are
// collected (expect.soft), so one run lists them all.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FULL_CHAIN_TITLE, OBO_TITLE, openApp, pickScenario, stepCounter } from './helpers';

const SIZES = {
  '1920x1080': { width: 1920, height: 1080 },
  '1280x720': { width: 1280, height: 720 },
  '800x500': { width: 800, height: 500 },
} as const;

type Size = keyof typeof SIZES;

const THEMES = ['light', 'dark'] as const;

/** Each theme's page background, to tell which one is on screen. */
const PAGE_BACKGROUND = {
  light: 'rgb(238, 241, 246)',
  dark: 'rgb(12, 18, 32)',
  'high contrast': 'rgb(255, 255, 255)',
} as const;

type Theme = keyof typeof PAGE_BACKGROUND;

/** Every scenario, in picker order (the first test fails when the picker offers another). */
const SCENARIOS = [
  'Daemon calls a web API with its own identity (client secret)',
  'Daemon calls a web API with its own identity (certificate)',
  'Daemon calls a web API with its own identity (HTTP Basic)',
  'Daemon gets a token from the v1.0 endpoint (resource)',
  'A daemon calls the API twice, an hour apart (token cache)',
  OBO_TITLE,
  'OBO with a certificate (client assertion)',
  'OBO on the v1.0 endpoint (resource, v1 token)',
  'Web API gets a SAML assertion on behalf of the user (OBO for SAML)',
  'Implicit flow with a wildcard reply URL, then OBO',
  'A single-page app passes its token to a middle tier for OBO',
  'Web app signs a user in with OpenID Connect',
  'Web app gets a code through the browser, with consent and PKCE',
  'Token expiry: the API answers 401, the app refreshes and retries',
  FULL_CHAIN_TITLE,
  'Web app calls its API as itself (trusted subsystem)',
  "A customer's admin onboards a multi-tenant daemon (admin consent)",
];

/** One line per failing node: rule, impact, where, and axe's summary of what to fix. */
function describeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}) ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}

/** Runs axe on the whole page (with an open modal dialog, the page behind it is inert). */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(describeViolations(results), where).toEqual([]);
}

/** Prompts the flow may wait at (dialog names), and the answer that lets it go on. */
const ANSWERS: Record<string, string> = {
  'Sign in': 'Sign in',
  'Permissions requested': 'Accept',
  'Approve sign in request': 'Approve',
};

/** What the screen waits for: an open dialog's name, a clock prompt, or the next step. */
async function waitingFor(
  page: Page,
): Promise<{ dialog: string | null; clock: boolean; next: boolean }> {
  return page.evaluate(() => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
    const labelledBy = dialog?.getAttribute('aria-labelledby');
    const name = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : null;
    const clock = document.querySelector('[role="group"][aria-label="Simulated clock"] button');
    const next = document.querySelector<HTMLButtonElement>('button[aria-label="Next step"]');
    return { dialog: name, clock: clock !== null, next: next !== null && !next.disabled };
  });
}

/**
 * Steps to the end of the run (Right arrow: quicker than a click, which waits for the button to
 * stand still), answering every prompt on the way; checks each prompt before answering it when
 * `checkPrompts` is set.
 */
async function stepToEndAnswering(page: Page, where: string, checkPrompts: boolean) {
  const next = page.getByRole('button', { name: 'Next step' });
  for (let moves = 0; moves < 80; moves += 1) {
    const state = await waitingFor(page);
    if (state.dialog !== null) {
      const answer = ANSWERS[state.dialog];
      expect(answer, `a prompt this suite can answer: ${state.dialog}`).toBeDefined();
      if (checkPrompts) await expectNoViolations(page, `${where}, ${state.dialog} dialog`);
      const dialog = page.getByRole('dialog', { name: state.dialog });
      await dialog.getByRole('button', { name: answer, exact: true }).click();
      await expect(dialog).toBeHidden();
    } else if (state.clock) {
      if (checkPrompts) await expectNoViolations(page, `${where}, clock prompt`);
      const clock = page.getByRole('group', { name: 'Simulated clock' }).getByRole('button');
      await clock.first().click();
      await expect(clock).toHaveCount(0);
    } else if (state.next) {
      await next.focus();
      await page.keyboard.press('ArrowRight');
    } else {
      // Nothing to answer and nowhere to go: the end, unless a re-run is still landing.
      await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
      if (!(await waitingFor(page)).next) break;
    }
  }
  await expect(next).toBeDisabled();
  await expect(page.getByText(/^Flow (succeeded|failed):/).first()).toBeVisible();
}

/** axe at each size in turn, in the same page (the layout follows the viewport), back at 1280x720. */
async function expectNoViolationsAtEverySize(page: Page, where: string) {
  for (const size of ['1280x720', '1920x1080', '800x500'] as Size[]) {
    await page.setViewportSize(SIZES[size]);
    await expectNoViolations(page, `${size} ${where}`);
  }
  await page.setViewportSize(SIZES['1280x720']);
}

/**
 * The first step, then the last, each at all three sizes; every prompt on the way is checked at
 * 1280x720 before it is answered.
 */
async function checkScenario(page: Page, title: string, where: string) {
  await pickScenario(page, title);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCounter(page)).toHaveText(/^Step 1 of/);
  await expectNoViolationsAtEverySize(page, `${where}, first step`);
  await stepToEndAnswering(page, `1280x720 ${where}`, true);
  await expectNoViolationsAtEverySize(page, `${where}, last step`);
}

/** Opens the app at `size` and makes sure the theme under test is the one on screen. */
async function openAt(page: Page, size: Size, theme: Theme) {
  await page.setViewportSize(SIZES[size]);
  await openApp(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background, `the ${theme} theme on screen`).toBe(PAGE_BACKGROUND[theme]);
}

/** The Share dialog over the current screen. */
async function checkShare(page: Page, where: string) {
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share' });
  await expect(share).toBeVisible();
  await expectNoViolations(page, `${where}, Share dialog`);
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(share).toBeHidden();
}

/**
 * The screens a size could break: OBO's first screen, Share, the What-if drawer on small screens,
 * and the full chain with MFA from its first step through every dialog to its end.
 */
async function checkSubset(page: Page, size: Size, theme: Theme) {
  await openAt(page, size, theme);
  const where = `${theme} ${size}`;
  await checkShare(page, where);
  await pickScenario(page, FULL_CHAIN_TITLE);
  const mfa = page.getByRole('checkbox', { name: /Reports API requires MFA/ });
  // On small screens the What-if switches live in a drawer over the canvas.
  const toggle = page.getByRole('button', { name: /^What if/ });
  const drawer = await toggle.isVisible();
  if (drawer) {
    await toggle.click();
    await expectNoViolations(page, `${where} What-if drawer`);
  }
  await mfa.check();
  if (drawer) await toggle.click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectNoViolations(page, `${where} full chain with MFA, first step`);
  await stepToEndAnswering(page, `${where} full chain with MFA`, true);
  await expectNoViolations(page, `${where} full chain with MFA, last step`);
}

// The packet rests where it lands (no animation to wait for); the system's colour scheme picks
// the theme, as it does for someone who never touched the Theme control.
test.use({ reducedMotion: 'reduce' });
test.describe.configure({ mode: 'parallel' });

test('the suite covers every scenario the picker offers', async ({ page }) => {
  await openApp(page);
  const options = page.getByLabel('Scenario').locator('option');
  await expect(options).toHaveText(SCENARIOS);
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    // One page per scenario: its first and last step at 1920x1080, 1280x720 and 800x500 (the
    // viewport is resized in place, so the run is stepped once), its prompts at 1280x720.
    for (const title of SCENARIOS) {
      test(`every size: ${title}`, async ({ page }) => {
        await openAt(page, '1280x720', theme);
        await checkScenario(page, title, `${theme} ${title}`);
      });
    }

    for (const size of ['1920x1080', '800x500'] as Size[]) {
      test(`${size}: Share, the full chain with MFA and its dialogs`, async ({ page }) => {
        await checkSubset(page, size, theme);
      });
    }
  });
}

// High contrast: what someone gets under prefers-contrast: more (and the "High contrast" choice).
test.describe('high contrast', () => {
  test.use({ colorScheme: 'light', contrast: 'more' });

  test('1280x720: Share, the full chain with MFA and its dialogs', async ({ page }) => {
    await checkSubset(page, '1280x720', 'high contrast');
  });
});
