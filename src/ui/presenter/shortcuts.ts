// Every keyboard shortcut of the simulator, as the "Keyboard shortcuts" dialog lists them.

/** One shortcut: the keys shown (each in a <kbd>) and what it does. */
export interface Shortcut {
  keys: readonly string[];
  action: string;
}

/** The shortcuts, in the order the dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['→'], action: 'Next step' },
  { keys: ['←'], action: 'Previous step' },
  { keys: ['Space'], action: 'Play or pause' },
  { keys: ['Home'], action: 'Reset to before step 1' },
  { keys: ['F'], action: 'Full screen on or off (Presenter mode)' },
  { keys: ['B'], action: 'Blank the screen; any key or click brings it back (Presenter mode)' },
  { keys: ['?'], action: 'This list of shortcuts (Presenter mode)' },
  { keys: ['Esc'], action: 'Close a dialog or the What-if drawer' },
];

/** Whether a key press belongs to a text field, a select or an open dialog, not to the simulator. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('dialog[open]')) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** Turns full screen on (the whole page) or off; resolves to a sentence when it cannot. */
export async function toggleFullscreen(): Promise<string | null> {
  const root = document.documentElement;
  if (document.fullscreenElement) {
    await document.exitFullscreen().catch(() => undefined);
    return null;
  }
  if (typeof root.requestFullscreen !== 'function' || document.fullscreenEnabled === false)
    return 'Full screen is not available in this browser.';
  try {
    await root.requestFullscreen();
    return null;
  } catch {
    return 'The browser refused full screen.';
  }
}
