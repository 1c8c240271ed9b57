// public/theme-init.js (the blocking script that applies the remembered theme before the first
// paint) reads the same key and knows the same choices as theme-choice.ts.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { THEME_CHOICES, THEME_STORAGE_KEY } from './theme-choice';

const SCRIPT = readFileSync(new URL('../../../public/theme-init.js', import.meta.url), 'utf8');

/** Runs the script with `stored` in localStorage (a throwing storage for `'throws'`). */
function themeAfterScript(stored: string | null | 'throws'): string | undefined {
  const attributes: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (stored === 'throws') throw new Error('SecurityError');
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  runInNewContext(SCRIPT, {
    window: { localStorage },
    document: {
      documentElement: {
        setAttribute: (name: string, value: string) => (attributes[name] = value),
      },
    },
  });
  return attributes['data-theme'];
}

describe('theme-init.js', () => {
  it('applies every remembered choice of the Theme control', () => {
    for (const choice of THEME_CHOICES) expect(themeAfterScript(choice)).toBe(choice);
  });

  it('falls back to System for nothing, a foreign value or blocked storage', () => {
    expect(themeAfterScript(null)).toBe('system');
    expect(themeAfterScript('sepia')).toBe('system');
    expect(themeAfterScript('throws')).toBe('system');
  });
});
