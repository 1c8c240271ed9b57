// The sequence view: Canvas / Sequence switch, arrows in step with the stepper and the inspector,
// the choice remembered, and the longest run (36 messages) drawn without overlapping labels.
import { expect, test, type Page } from '@playwright/test';
import {
  FULL_CHAIN_TITLE,
  inspector,
  openApp,
  pickScenario,
  stepCounter,
  stepForward,
  stepToEnd,
  stepUntilVisible,
} from './helpers';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 800, height: 500 },
] as const;

function sequenceTab(page: Page) {
  return page.getByRole('tab', { name: 'Sequence', exact: true });
}

function canvasTab(page: Page) {
  return page.getByRole('tab', { name: 'Canvas', exact: true });
}

/** The arrows of the sequence diagram (buttons named "Step N: ..."). */
function arrows(page: Page) {
  return page.locator('.sequence-svg').getByRole('button', { name: /^Step \d+: / });
}

/**
 * Pairs of texts whose boxes on screen overlap (should be none), in the party names and in the
 * messages (the names stay on top while the messages scroll under them, by design).
 */
async function overlappingTexts(page: Page): Promise<string[]> {
  const heads = await overlapsIn(page, '.sequence-heads');
  const body = await overlapsIn(page, '.sequence-svg');
  return [...heads, ...body];
}

async function overlapsIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')].map((text) => ({
      text: text.textContent ?? '',
      box: text.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        const overlap =
          a.box.left < b.box.right - 0.5 &&
          b.box.left < a.box.right - 0.5 &&
          a.box.top < b.box.bottom - 0.5 &&
          b.box.top < a.box.bottom - 0.5;
        if (overlap) found.push(`"${a.text}" / "${b.text}"`);
      }
    }
    return found;
  });
}

test('switch to Sequence, step, click an arrow: the inspector shows that step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await expect(canvasTab(page)).toHaveAttribute('aria-selected', 'true');
  await sequenceTab(page).click();
  await expect(sequenceTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.sequence-svg')).toBeVisible();
  await expect(arrows(page)).toHaveCount(0);

  await stepForward(page, 4);
  await expect(stepCounter(page)).toHaveText(/^Step 4 of/);
  await expect(arrows(page)).toHaveCount(4);
  // The newest arrow is the current step.
  await expect(arrows(page).nth(3)).toHaveAttribute('aria-current', 'step');
  await expect(arrows(page).nth(3)).toHaveAttribute('aria-pressed', 'true');

  const second = arrows(page).nth(1);
  await expect(arrows(page).nth(0)).toHaveAccessibleName(
    /^Step 1: Todo web client to Todo API \(API A\): GET \S+ token A$/,
  );
  await expect(second).toHaveAccessibleName(/^Step 2: Todo API \(API A\) to Microsoft Entra ID: /);
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText('Step 2 of');
  // The timeline follows the selection too.
  await expect(page.getByRole('button', { name: /^2\. / })).toHaveAttribute('aria-pressed', 'true');

  // Keyboard: focus an arrow, Enter selects it (and Space does not start playback).
  const first = arrows(page).nth(0);
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText('Step 1 of');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // A timeline row selects the arrow in the diagram.
  await page.getByRole('button', { name: /^3\. / }).click();
  await expect(arrows(page).nth(2)).toHaveAttribute('aria-pressed', 'true');

  // Back to the canvas with the keyboard on the tabs.
  await sequenceTab(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(canvasTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(canvasTab(page)).toBeFocused();
  await expect(page.locator('.sequence-svg')).toHaveCount(0);
  await expect(stepCounter(page)).toHaveText(/^Step 4 of/);
});

test('Canvas / Sequence is remembered after a reload and on a fresh start', async ({ page }) => {
  await openApp(page);
  await sequenceTab(page).click();
  await expect(page.locator('.sequence-svg')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('ofs.view'))).toBe('sequence');

  await page.reload();
  await expect(sequenceTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.sequence-svg')).toBeVisible();

  // Without a link in the URL, the remembered choice opens.
  await page.goto('/');
  await expect(sequenceTab(page)).toHaveAttribute('aria-selected', 'true');
  await canvasTab(page).click();
  await expect(page.locator('.react-flow')).toBeVisible();
  await page.goto('/');
  await expect(canvasTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.react-flow')).toBeVisible();
});

test('the 36-message full chain with MFA is drawn to the end without overlapping labels', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await pickScenario(page, FULL_CHAIN_TITLE);
  await page.getByRole('checkbox', { name: /Reports API requires MFA/ }).check();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
  await sequenceTab(page).click();

  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await stepUntilVisible(page, signIn);
  // The prompt the run waits at is a note at the end of the diagram.
  await expect(page.locator('.seq-note.note-prompt')).toContainText('sign-in prompt');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('dialog', { name: 'Permissions requested' });
  await stepUntilVisible(page, consent);
  await consent.getByRole('button', { name: 'Accept' }).click();
  const mfa = page.getByRole('dialog', { name: 'Approve sign in request' });
  await stepUntilVisible(page, mfa);
  await mfa.getByRole('button', { name: 'Approve' }).click();
  await expect(mfa).toBeHidden();
  await stepToEnd(page);
  await expect(stepCounter(page)).toHaveText('Step 36 of 36');
  await expect(arrows(page)).toHaveCount(36);
  await expect(page.locator('.seq-note.note-error')).toContainText(['AADSTS50076']);
  await expect(page.locator('.seq-note.note-decision')).toHaveCount(3);
  await expect(arrows(page).nth(35)).toHaveAttribute('aria-current', 'step');

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    expect(await page.locator('.sequence-svg text').count()).toBeGreaterThan(36 * 2);
    expect(await overlappingTexts(page)).toEqual([]);
    // The current arrow is kept in view inside the panel; the page itself never scrolls.
    await arrows(page).nth(35).click();
    await expect(arrows(page).nth(35)).toBeInViewport();
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    await page.screenshot({
      path: `test-results/screenshots/sequence-${size.width}x${size.height}.png`,
    });
  }

  // Clicking an arrow far up selects it for the inspector.
  await page.setViewportSize(SIZES[0]);
  const oboError = arrows(page).filter({ hasText: '400 Bad Request' }).first();
  await oboError.click();
  await expect(inspector(page).getByText('AADSTS50076')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sequence-selected-1920x1080.png' });
});
