// Hook: Right/Left = next/previous step, Space = play/pause, Home = reset, outside form fields and dialogs.
import { useEffect } from 'react';
import { selectShortcuts, useAppStore } from '../../state/index';

/** Whether a key press belongs to the focused element rather than to the simulator. */
function isOwnedByFocus(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
    const type = (target as HTMLInputElement).type;
    // Checkboxes only own Space; arrows and Home still drive the simulator.
    return !(tag === 'INPUT' && type === 'checkbox' && key !== ' ');
  }
  const role = target.getAttribute('role');
  if ((role === 'tab' || role === 'option') && key !== ' ') return true;
  // Buttons, links and summaries activate themselves with Space.
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'tab'))
    return true;
  return false;
}

/** Installs the simulator's keyboard shortcuts on the window while mounted. */
export function useKeyboardShortcuts(): void {
  const { stepForward, stepBack, togglePlay, reset } = useAppStore(selectShortcuts);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // A prompt dialog owns the keyboard (Esc steps back there).
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      if (isOwnedByFocus(event.target, event.key)) return;
      const action =
        event.key === 'ArrowRight'
          ? stepForward
          : event.key === 'ArrowLeft'
            ? stepBack
            : event.key === ' '
              ? togglePlay
              : event.key === 'Home'
                ? reset
                : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stepForward, stepBack, togglePlay, reset]);
}
