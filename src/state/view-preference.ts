// The person's choice of main view (canvas or sequence), remembered in localStorage.
import type { MainView, ViewPreference } from './types';

/** The localStorage key of the remembered view. */
export const VIEW_STORAGE_KEY = 'ofs.view';

/**
 * A {@link ViewPreference} in `localStorage` under {@link VIEW_STORAGE_KEY}. Storage may be missing
 * or refuse access (private windows, sandboxed iframes, disabled cookies): reading then gives
 * `null` and writing does nothing.
 */
export function localViewPreference(): ViewPreference {
  return {
    read: () => {
      try {
        const value = globalThis.localStorage.getItem(VIEW_STORAGE_KEY);
        return value === 'canvas' || value === 'sequence' ? (value satisfies MainView) : null;
      } catch {
        return null;
      }
    },
    write: (view) => {
      try {
        globalThis.localStorage.setItem(VIEW_STORAGE_KEY, view);
      } catch {
        // Not remembered: the choice still holds for this page.
      }
    },
  };
}
