// Presses on the prerendered playback buttons before the app has started (issue 12). The first
// screen is painted from HTML before React has hydrated it; without this, its Play and Next
// buttons would stay disabled until then and an early press would be lost. The entry script
// (main.tsx, about a kilobyte, run before the first paint) enables the buttons the prerender marked
// `data-early` and keeps their presses; boot.tsx replays them on the store once the screen is
// hydrated, the way frameworks replay events captured before hydration.

/** What an early press asks for: the prerender marks Play `play` and Next step `next`. */
export type EarlyAction = 'play' | 'next';

const SELECTOR = 'button[data-early]';
const queue: EarlyAction[] = [];
let listener: ((event: MouseEvent) => void) | null = null;

function isEarlyAction(value: string | null): value is EarlyAction {
  return value === 'play' || value === 'next';
}

/**
 * Enables the buttons of `doc` marked `data-early` and keeps every press on them (a click, or Enter
 * or Space on the focused button) until {@link takeEarlyInput}, so that the page's own handlers
 * never see a press twice. Does nothing when no button is marked. Never throws.
 */
export function acceptEarlyInput(doc: Document): void {
  const buttons = [...doc.querySelectorAll<HTMLButtonElement>(SELECTOR)];
  if (buttons.length === 0 || listener) return;
  listener = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest(SELECTOR);
    if (!button) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const action = button.getAttribute('data-early');
    if (isEarlyAction(action)) queue.push(action);
  };
  doc.addEventListener('click', listener, true);
  for (const button of buttons) button.disabled = false;
}

/**
 * Stops keeping presses and hands over those kept, oldest first (an empty list when there were
 * none). React's handlers take the buttons from then on.
 */
export function takeEarlyInput(doc: Document): EarlyAction[] {
  if (listener) doc.removeEventListener('click', listener, true);
  listener = null;
  return queue.splice(0);
}

/**
 * The app could not start: the early buttons are disabled again (they would do nothing) and the
 * kept presses are dropped.
 */
export function refuseEarlyInput(doc: Document): void {
  takeEarlyInput(doc);
  for (const button of doc.querySelectorAll<HTMLButtonElement>(SELECTOR)) button.disabled = true;
}
