// Styles stay themeable: colours only through theme.css tokens, one small sheet per UI area.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const UI = fileURLToPath(new URL('.', import.meta.url));
const THEME = 'theme.css';
/** The themes that override theme.css's role tokens, and what selects them. */
const THEME_SHEETS = [
  { file: 'theme-dark.css', selector: "[data-theme='dark']", media: 'prefers-color-scheme: dark' },
  {
    file: 'theme-contrast.css',
    selector: "[data-theme='high-contrast']",
    media: 'prefers-contrast: more',
  },
];
/** The sheets that may name palette tokens: theme.css and the theme sheets. */
const TOKEN_SHEETS = [THEME, ...THEME_SHEETS.map((theme) => theme.file)];
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
  const areas = sources.filter((file) => !TOKEN_SHEETS.includes(file));

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

  it('leaves the palette to theme.css and the theme sheets: areas use role tokens', () => {
    expect(findAll(areas, /var\(--palette-[\w-]+\)/g)).toEqual([]);
  });

  it('defines every token the UI uses', () => {
    const defined = new Set(sheets.flatMap((file) => [...definedProperties(read(file))]));
    const used = findAll(sources, /var\((--[\w-]+)/g)
      .map((hit) => hit.slice(hit.indexOf('var(') + 4))
      .filter((name) => !name.startsWith('--xy-') && !defined.has(name));
    expect([...new Set(used)]).toEqual([]);
  });

  it.each(TOKEN_SHEETS)('keeps %s to tokens: custom properties and color-scheme only', (file) => {
    const declarations = [...read(file).matchAll(/^\s*([\w-]+)\s*:/gm)].map((m) => m[1]);
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

/** `name: value` declarations of a block body (comments left out), in order. */
function declarations(body: string): [string, string][] {
  const code = body.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(/(?<![\w-])(--[\w-]+|color-scheme)\s*:\s*([^;]+);/g)].map((m) => [
    m[1] ?? '',
    (m[2] ?? '').replace(/\s+/g, ' ').trim(),
  ]);
}

describe('themes', () => {
  // theme.css's colour role tokens: every role token whose value names a palette colour.
  const light = declarations(read(THEME).split(/^\s*\/\* -+ type \*\//m)[0] ?? '').filter(
    ([name, value]) =>
      name === 'color-scheme' || (!name.startsWith('--palette-') && /var\(--palette-/.test(value)),
  );

  it('finds theme.css colour role tokens', () => {
    expect(light.length).toBeGreaterThan(80);
    expect(light.map(([name]) => name)).toContain('--surface');
  });

  describe.each(THEME_SHEETS)('$file', ({ file, selector, media }) => {
    const css = read(file);
    const [explicitPart = '', mediaPart = ''] = css.split('@media');
    const explicit = declarations(explicitPart);
    const viaMedia = declarations(mediaPart);

    it(`sets its tokens on :root${selector} and, for "system", under ${media}`, () => {
      expect(explicitPart).toContain(`:root${selector} {`);
      expect(mediaPart.startsWith(` (${media})`)).toBe(true);
      expect(mediaPart).toMatch(/:root:not\(\[data-theme='[\w-]+'\], \[data-theme='[\w-]+'\]\) \{/);
    });

    it('sets every colour role token of theme.css, and nothing else', () => {
      expect(explicit.map(([name]) => name).sort()).toEqual(light.map(([name]) => name).sort());
    });

    it('has the same tokens in its media-query copy', () => {
      expect(viaMedia).toEqual(explicit);
    });
  });
});
