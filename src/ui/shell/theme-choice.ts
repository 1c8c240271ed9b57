// The person's colour theme: System (follows prefers-color-scheme and prefers-contrast), Light,
// Dark or High contrast, remembered in localStorage and applied as <html data-theme="...">.

/** What the "Theme" control offers, in its order. */
export const THEME_CHOICES = ['system', 'light', 'dark', 'high-contrast'] as const;

/** One of {@link THEME_CHOICES}. */
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The option labels of the "Theme" control. */
export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** The localStorage key of the choice. */
export const THEME_STORAGE_KEY = 'ofs.theme';

/** Narrows a stored or linked value to a choice (anything else is `system`). */
export function toThemeChoice(value: unknown): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? 'system';
}

/** The remembered choice; `system` when none is stored or storage is unavailable (private mode, sandboxed frame). */
export function readThemeChoice(): ThemeChoice {
  try {
    return toThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** Remembers the choice (`system` forgets it); storage failures leave the choice for this visit only. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage is blocked: the theme still applies until the page is closed.
  }
}

/** The choice on screen: theme.css and its theme sheets key their token overrides on it. */
export function appliedThemeChoice(): ThemeChoice {
  return toThemeChoice(document.documentElement.dataset.theme);
}

/** Puts the choice on screen (`<html data-theme>`), without remembering it. */
export function applyThemeChoice(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
}
