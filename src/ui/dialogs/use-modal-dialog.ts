// Hook: opens a native <dialog> as a modal while mounted, keeps Tab inside it, and maps Esc to a callback.
import { useEffect, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Controls focus may return to when the opener is gone or disabled (e.g. Next at a prompt). */
const RETURN_TARGETS = '[data-dialog-return]:not([disabled])';

function isFocusable(element: HTMLElement | null): element is HTMLElement {
  return (
    element !== null &&
    element !== document.body &&
    element.isConnected &&
    !element.matches(':disabled') &&
    !element.closest('[inert]')
  );
}

/**
 * Puts focus back on the control that opened the dialog once it has closed, or, when that
 * control is gone or disabled (a prompt opened by stepping disables "Next" at the prompt), on the
 * first enabled control marked `data-dialog-return`, once the answer's re-run has enabled it.
 */
function returnFocus(opener: HTMLElement | null): void {
  let tries = 0;
  const attempt = (): void => {
    if (document.querySelector('dialog[open]')) return;
    const target = isFocusable(opener)
      ? opener
      : document.querySelector<HTMLElement>(RETURN_TARGETS);
    if (target && isFocusable(target)) {
      target.focus({ preventScroll: true });
      return;
    }
    tries += 1;
    if (tries < 20) window.setTimeout(attempt, 50);
  };
  window.setTimeout(attempt, 0);
}

/** Handlers to spread on the <dialog> element. */
export interface ModalDialogHandlers {
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

/**
 * Shows `ref`'s dialog with `showModal()` (the rest of the page becomes inert, focus moves into
 * the dialog, onto the element marked `data-autofocus`, and returns to where it was when it
 * closes), wraps Tab and Shift+Tab within it, and
 * calls `onEscape` instead of closing on Esc, so the store stays the one source of truth.
 */
export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  onEscape: () => void,
): ModalDialogHandlers {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // showModal() focuses the first focusable element; the page's main action is meant instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      returnFocus(opener);
    };
  }, [ref]);
  return {
    onCancel: (event) => {
      event.preventDefault();
      onEscape();
    },
    onKeyDown: (event) => {
      if (event.key !== 'Tab') return;
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    },
  };
}
