// The header's "Theme" control: System, Light, Dark or High contrast, remembered per person.
import { useState, type ReactElement } from 'react';
import {
  applyThemeChoice,
  appliedThemeChoice,
  saveThemeChoice,
  THEME_CHOICES,
  THEME_LABELS,
  toThemeChoice,
  type ThemeChoice,
} from './theme-choice';
import { useHydrated } from '../use-hydrated';
import './theme-picker.css';

/** A labelled `<select>` named "Theme"; main.tsx applied the remembered choice before the first render. */
export function ThemePicker(): ReactElement {
  // The prerendered first screen shows `system`; the remembered choice once hydrated.
  const hydrated = useHydrated();
  const [picked, setChoice] = useState<ThemeChoice | null>(null);
  const choice = picked ?? (hydrated ? appliedThemeChoice() : 'system');
  return (
    <label className="theme-picker">
      {/* Half light, half dark: the control's mark where the word does not fit. */}
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" />
        <path d="M10 2a8 8 0 0 1 0 16z" />
      </svg>
      <span className="theme-picker-label">Theme</span>
      <select
        value={choice}
        onChange={(event) => {
          const next = toThemeChoice(event.target.value);
          applyThemeChoice(next);
          saveThemeChoice(next);
          setChoice(next);
        }}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {THEME_LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
