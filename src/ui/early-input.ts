// What the person does on the prerendered first screen before the app has started (issue 12).
// The screen is painted from HTML before React has hydrated it; a click or a choice made then would
// reach no handler and be lost. A small script inline in the page's head ({@link keepEarlyInput},
// put there by the build: scripts/prerender.mjs) runs before the body is parsed: it enables the
// buttons the prerender marked `data-early` (Play and Next, disabled in the HTML, so that they stay
// off without JavaScript) as soon as the parser inserts them, so no frame shows them off, and keeps
// every press, choice and shortcut key on the screen's controls; boot.tsx replays them, in order,
// once React's handlers are live. This is how Angular's event replay works: an inline "contract"
// script in the head queues the events, and the hydrated app dispatches them. The canvas is left
// out: it hydrates later, from a chunk of its own (CanvasIsland), and input on it before then does
// nothing.

/** A kept click (on a button, a checkbox, a tab...), choice in a `<select>` or shortcut key. */
export type KeptInput =
  | { kind: 'click'; element: HTMLElement }
  | { kind: 'choice'; element: HTMLSelectElement; value: string }
  | { kind: 'key'; element: Element; key: string };

/** What the head script leaves on `window.ofsEarlyInput` for the app to replay or drop. */
export interface EarlyInputQueue {
  /** The presses kept so far, oldest first. */
  kept: KeptInput[];
  /** Stops keeping input (removes the listeners); the kept presses stay. Idempotent. */
  stop: () => void;
}

declare global {
  interface Window {
    /** From the inline head script ({@link keepEarlyInput}); absent without a prerender. */
    ofsEarlyInput?: EarlyInputQueue;
  }
}

/**
 * The page's inline head script, run before the body is parsed. It is written into index.html as
 * `(source of this function)()`, so it must stay self-contained: no imports, nothing from this
 * module's scope, only `window` and `document`.
 *
 * - Enables every `button[data-early]` as soon as the parser has inserted it (a MutationObserver
 *   until DOMContentLoaded), so the first frame already shows Play and Next on.
 * - Keeps every click on a control inside `#root` (its default action prevented: a checkbox stays
 *   as drawn; not on the canvas, `.react-flow`), every choice in a `<select>` there (which goes
 *   back to the HTML's choice, so that React hydrates what it drew) and every shortcut key
 *   (Right, Left, Space, Home: controls/use-keyboard-shortcuts.ts) pressed outside a field.
 * - If the entry script cannot load, the early buttons are disabled again and nothing is kept.
 * - Does nothing when a link (a fragment or a query) opens the page: the app then draws another
 *   screen than the prerendered one.
 * Leaves {@link EarlyInputQueue} on `window.ofsEarlyInput`. Never throws.
 */
export function keepEarlyInput(): void {
  if (window.ofsEarlyInput || window.location.hash !== '' || window.location.search !== '') return;
  const shortcutKeys = ['ArrowRight', 'ArrowLeft', ' ', 'Home'];
  // Fields own every key pressed in them; links (the docs) work without the app.
  const fields = 'input:not([type="checkbox"]), select, textarea, [contenteditable]';
  const controls = 'button, input, select, summary, label, [role="tab"], [role="button"]';
  const kept: KeptInput[] = [];
  const inRoot = (element: Element): boolean =>
    document.getElementById('root')?.contains(element) ?? false;
  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest<HTMLElement>(controls);
    if (!control || !inRoot(control) || control instanceof HTMLSelectElement) return;
    if (control.closest('.react-flow')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // A label's click, replayed, reaches its control as the browser would have passed it on.
    kept.push({ kind: 'click', element: control });
    // The press shows as taken (base.css) until it is replayed: no second press to make it happen.
    // (A kept choice shows the same way.)
    control.setAttribute('aria-busy', 'true');
  };
  const onChoice = (event: Event): void => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (!select || !inRoot(select)) return;
    event.stopImmediatePropagation();
    // A choice fires `input` then `change`; the first one seen keeps it and puts the HTML's back.
    const drawn = [...select.options].find((option) => option.defaultSelected)?.value ?? '';
    if (select.value === drawn) return;
    kept.push({ kind: 'choice', element: select, value: select.value });
    select.value = drawn;
    select.setAttribute('aria-busy', 'true');
  };
  // A shortcut key is replayed where it was pressed, and the shortcuts' own rules decide there (a
  // Space on a button is that button's click, kept above). On the page itself its default
  // (scrolling) is prevented, as the shortcuts do.
  const onKey = (event: KeyboardEvent): void => {
    if (!shortcutKeys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    const onPage = target === document.body || target === document.documentElement;
    if (!target || (!onPage && !inRoot(target)) || target.closest(fields)) return;
    kept.push({ kind: 'key', element: target, key: event.key });
    if (onPage) event.preventDefault();
  };
  const setEarlyButtons = (disabled: boolean): void => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-early]'))
      button.disabled = disabled;
  };
  const parsing = new MutationObserver(() => setEarlyButtons(false));
  const onParsed = (): void => {
    parsing.disconnect();
    setEarlyButtons(false);
  };
  // Capturing listeners on the document: they see a press before anything else on the page.
  const listeners = [
    ['click', onClick],
    ['input', onChoice],
    ['change', onChoice],
    ['keydown', onKey],
    ['error', onError],
  ] as const;
  const stop = (): void => {
    parsing.disconnect();
    document.removeEventListener('DOMContentLoaded', onParsed);
    for (const [type, listener] of listeners)
      document.removeEventListener(type, listener as EventListener, true);
  };
  // The entry module failed to load: nothing will ever replay what is kept.
  function onError(event: Event): void {
    if (!(event.target instanceof HTMLScriptElement)) return;
    stop();
    for (const input of kept.splice(0)) input.element.removeAttribute('aria-busy');
    setEarlyButtons(true);
  }
  parsing.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', onParsed);
  for (const [type, listener] of listeners)
    document.addEventListener(type, listener as EventListener, true);
  window.ofsEarlyInput = { kept, stop };
}

/**
 * Says that input now goes straight to the app (what was kept has been dropped, or is being
 * replayed): `<html data-started="true">`, which the e2e journeys wait for before acting
 * (e2e/helpers.ts `openApp`; Play alone is on from the first frame), and the User Timing mark
 * `ofs:live`.
 */
function markStarted(): void {
  document.documentElement.dataset.started = 'true';
  performance.mark('ofs:live');
}

/** Stops keeping input and hands over what was kept, oldest first, emptying the queue. */
function takeKept(): KeptInput[] {
  const queue = window.ofsEarlyInput;
  queue?.stop();
  return queue?.kept.splice(0) ?? [];
}

/** A kept press or choice no longer shows as waiting (its `aria-busy` goes). */
function unmark(input: KeptInput): void {
  if (input.kind !== 'key') input.element.removeAttribute('aria-busy');
}

/** Stops keeping input and drops what was kept (the page draws another screen). */
export function dropEarlyInput(): void {
  takeKept().forEach(unmark);
  markStarted();
}

/**
 * Stops keeping input and replays what was kept, oldest first, on the elements still in the page:
 * a click as a click, a choice as the `<select>`'s new value and a `change` event, a shortcut key
 * as a `keydown` where it was pressed. After each one it waits for `settled` (the app's new run,
 * when that input started one: a what-if, another scenario), so that a Next pressed after a what-if
 * steps through the what-if's run. Call it once React's handlers are live (after the hydrated
 * screen's first update). Never rejects while `settled` does not.
 */
export async function replayEarlyInput(
  settled: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const kept = takeKept();
  markStarted();
  for (const input of kept) {
    if (!input.element.isConnected) continue;
    unmark(input);
    if (input.kind === 'click') {
      input.element.click();
    } else if (input.kind === 'choice') {
      input.element.value = input.value;
      input.element.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const init = { key: input.key, bubbles: true, cancelable: true };
      input.element.dispatchEvent(new KeyboardEvent('keydown', init));
    }
    await settled();
  }
}

/**
 * The app could not start: the early buttons are disabled again (they would do nothing) and what
 * was kept is dropped. Unlike {@link dropEarlyInput}, the page is not marked as started.
 */
export function refuseEarlyInput(doc: Document): void {
  takeKept().forEach(unmark);
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-early]'))
    button.disabled = true;
}
