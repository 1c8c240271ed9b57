// The person's Presenter mode switch, remembered in localStorage.
import type { PresenterPreference } from './types';

/** The localStorage key of the remembered Presenter mode (`'true'` when on). */
export const PRESENTER_STORAGE_KEY = 'ofs.presenter';

/**
 * A {@link PresenterPreference} in `localStorage` under {@link PRESENTER_STORAGE_KEY}. Storage may be
 * missing or refuse access (private windows, sandboxed iframes): reading then gives `false` and
 * writing does nothing.
 */
export function localPresenterPreference(): PresenterPreference {
  return {
    read: () => {
      try {
        return globalThis.localStorage.getItem(PRESENTER_STORAGE_KEY) === 'true';
      } catch {
        return false;
      }
    },
    write: (on) => {
      try {
        if (on) globalThis.localStorage.setItem(PRESENTER_STORAGE_KEY, 'true');
        else globalThis.localStorage.removeItem(PRESENTER_STORAGE_KEY);
      } catch {
        // Not remembered: the switch still holds for this page.
      }
    },
  };
}
