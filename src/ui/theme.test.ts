// Styles stay themeable: colours only through theme.css tokens, one small sheet per UI area.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const UI = fileURLToPath(new URL('.', import.meta.url));
const THEME = 'theme.css';
const MAX_SHEET_LINES = 400;

/** Files under src/ui (relative paths) with one of the extensions, tests left out. */
function uiFiles(...extensions: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(UI, path)];
    });
  return walk(UI)
    .filter((file) => extensions.some((ext) => file.endsWith(ext)))
    .filter((file) => !/\.test\.tsx?$/.test(file))
    .sort();
}

const read = (file: string): string => readFileSync(join(UI, file), 'utf8');

/** A raw colour: hex, or a colour function with literal channels. */
const RAW_COLOUR =
  /#[0-9a-f]{3,8}\b(?![-\w])|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(\s*(?!var\()[^)]*\)/gi;

/** CSS named colours a sheet might use instead of a token (transparent and currentColor are fine). */
const NAMED_COLOUR =
  /:[^;{}]*?(?<![-\w])(white|black|red|green|blue|yellow|orange|purple|gray|grey|silver|navy|maroon|teal|olive|lime|aqua|fuchsia|pink|brown|gold)(?![-\w])/gi;

/** `file:line: text` of every match of `pattern`, comments included (a colour there drifts too). */
function findAll(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((line, i) =>
        [...line.matchAll(pattern)].map((m) => `${file}:${i + 1}: ${m[0].trim()}`),
      ),
  );
}

/** Custom properties a stylesheet defines (`--name:`). */
function definedProperties(css: string): Set<string> {
  return new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1] ?? ''));
}

describe('theme.css tokens', () => {
  const sheets = uiFiles('.css');
  const sources = uiFiles('.css', '.ts', '.tsx');
  const others = sources.filter((file) => file !== THEME);

  it('finds the files it checks', () => {
    expect(sheets).toContain(THEME);
    expect(sheets.length).toBeGreaterThan(3);
    expect(sources.some((file) => file.endsWith('.tsx'))).toBe(true);
  });

  it('has no raw colour (hex, rgb(), hsl()...) outside theme.css', () => {
    expect(findAll(others, RAW_COLOUR)).toEqual([]);
  });

  it('has no named colour in a stylesheet', () => {
    expect(
      findAll(
        sheets.filter((file) => file !== THEME),
        NAMED_COLOUR,
      ),
    ).toEqual([]);
  });

  it('leaves the palette to theme.css: areas use role tokens', () => {
    expect(findAll(others, /var\(--palette-[\w-]+\)/g)).toEqual([]);
  });

  it('defines every token the UI uses', () => {
    const defined = new Set(sheets.flatMap((file) => [...definedProperties(read(file))]));
    const used = findAll(sources, /var\((--[\w-]+)/g)
      .map((hit) => hit.slice(hit.indexOf('var(') + 4))
      .filter((name) => !name.startsWith('--xy-') && !defined.has(name));
    expect([...new Set(used)]).toEqual([]);
  });

  it('keeps theme.css to tokens: custom properties and color-scheme only', () => {
    const declarations = [...read(THEME).matchAll(/^\s*([\w-]+)\s*:/gm)].map((m) => m[1]);
    expect(
      declarations.filter((name) => !name?.startsWith('--') && name !== 'color-scheme'),
    ).toEqual([]);
  });

  it(`keeps every stylesheet under src/ui within ${MAX_SHEET_LINES} lines`, () => {
    const long = sheets
      .map((file) => ({ file, lines: read(file).split('\n').length }))
      .filter(({ lines }) => lines > MAX_SHEET_LINES);
    expect(long).toEqual([]);
  });
});
