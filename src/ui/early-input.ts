// What the person does on the prerendered first screen before the app has started (issue 12).
// The screen is painted from HTML before React has hydrated it; a click or a choice made then would
// reach no handler and be lost. The entry script (main.tsx, run before the first paint) enables
// the buttons the prerender marked `data-early` (Play and Next, disabled in the HTML) and keeps
// every press, choice and shortcut key on the screen's controls; boot.tsx replays them, in order,
// once React's handlers are live: the way frameworks replay the events captured before hydration
// (Angular's event replay). The canvas is left out: it hydrates later, from a chunk of its own
// (CanvasIsland), and input on it before then does nothing.

/** A kept click (on a button, a checkbox, a tab...), choice in a `<select>` or shortcut key. */
type KeptInput =
  | { kind: 'click'; element: HTMLElement }
  | { kind: 'choice'; element: HTMLSelectElement; value: string }
  | { kind: 'key'; element: Element; key: string };

/** The keys of the simulator's shortcuts (controls/use-keyboard-shortcuts.ts). */
const SHORTCUT_KEYS = new Set(['ArrowRight', 'ArrowLeft', ' ', 'Home']);

/** Fields that own every key pressed in them. */
const FIELDS = 'input:not([type="checkbox"]), select, textarea, [contenteditable]';

/** Controls whose presses are kept; links (the docs) and everything else work without the app. */
const CONTROLS = 'button, input, select, summary, label, [role="tab"], [role="button"]';

const kept: KeptInput[] = [];
let removeListeners: (() => void) | null = null;

/** The value of `select` as the page's HTML chose it (before the person changed it). */
function htmlChoice(select: HTMLSelectElement): string {
  return [...select.options].find((option) => option.defaultSelected)?.value ?? '';
}

/**
 * Enables the buttons of `doc` marked `data-early` and keeps every click on the controls inside
 * `root` (its default action prevented: a checkbox stays as drawn), every choice in a `<select>`
 * there (which goes back to the HTML's choice, so that React hydrates what it drew) and every
 * shortcut key pressed outside a field, until {@link replayEarlyInput} or
 * {@link dropEarlyInput}. Does nothing when called twice. Never throws.
 */
export function acceptEarlyInput(doc: Document, root: HTMLElement): void {
  if (removeListeners) return;
  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest<HTMLElement>(CONTROLS);
    if (!control || !root.contains(control) || control instanceof HTMLSelectElement) return;
    if (control.closest('.react-flow')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // A label's click, replayed, reaches its control as the browser would have passed it on.
    kept.push({ kind: 'click', element: control });
  };
  const onChoice = (event: Event): void => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (!select || !root.contains(select)) return;
    event.stopImmediatePropagation();
    // A choice fires `input` then `change`; the first one seen keeps it and puts the HTML's back.
    const drawn = htmlChoice(select);
    if (select.value === drawn) return;
    kept.push({ kind: 'choice', element: select, value: select.value });
    select.value = drawn;
  };
  // A shortcut key is replayed where it was pressed, and the shortcuts' own rules decide there
  // (a Space on a button is that button's click, kept above). On the page itself its default
  // (scrolling) is prevented, as the shortcuts do.
  const onKey = (event: KeyboardEvent): void => {
    if (!SHORTCUT_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    const onPage = target === doc.body || target === doc.documentElement;
    if (!target || (!onPage && !root.contains(target)) || target.closest(FIELDS)) return;
    kept.push({ kind: 'key', element: target, key: event.key });
    if (onPage) event.preventDefault();
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('input', onChoice, true);
  doc.addEventListener('change', onChoice, true);
  doc.addEventListener('keydown', onKey, true);
  removeListeners = () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('input', onChoice, true);
    doc.removeEventListener('change', onChoice, true);
    doc.removeEventListener('keydown', onKey, true);
  };
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-early]'))
    button.disabled = false;
}

/** Stops keeping input and drops what was kept (the page draws another screen, or failed). */
export function dropEarlyInput(): void {
  removeListeners?.();
  removeListeners = null;
  kept.splice(0);
}

/**
 * Stops keeping input and replays what was kept, oldest first, on the elements still in the page:
 * a click as a click, a choice as the `<select>`'s new value and a `change` event, a shortcut key
 * as a `keydown` where it was pressed. Call it once
 * React's handlers are live (after the hydrated screen's first update). Never throws.
 */
export function replayEarlyInput(): void {
  removeListeners?.();
  removeListeners = null;
  for (const input of kept.splice(0)) {
    if (!input.element.isConnected) continue;
    if (input.kind === 'click') {
      input.element.click();
    } else if (input.kind === 'choice') {
      input.element.value = input.value;
      input.element.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const init = { key: input.key, bubbles: true, cancelable: true };
      input.element.dispatchEvent(new KeyboardEvent('keydown', init));
    }
  }
}

/**
 * The app could not start: the early buttons are disabled again (they would do nothing) and what
 * was kept is dropped.
 */
export function refuseEarlyInput(doc: Document): void {
  dropEarlyInput();
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-early]'))
    button.disabled = true;
}
