// Build-time HTML of the app's first screen (issue 12): at the end of `vite build`, the default
// scenario's first run is computed and the app's own components render it to HTML in Node
// (src/prerender.tsx, loaded through a Vite server in middleware mode, so it follows whatever the
// components are today). The HTML goes inside #root of the built index.html, the run beside it as a
// `<script type="application/json">` data block (never executed: the policy's `script-src 'self'`
// allows it), and main.tsx hydrates it. The Content-Security-Policy forbids inline style
// attributes; the exact ones in the prerendered HTML (React Flow's node transforms) are allowed by
// their SHA-256 hashes ('unsafe-hashes'), no others. When the prerender fails the build goes on
// without it (the app then renders on the client) and says why.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT_ELEMENT = '<div id="root"></div>';

/** @param {string} value an attribute value as written in HTML */
function decodeAttribute(value) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * CSP source expressions allowing exactly the style attributes of `markup`.
 * @param {string} markup
 * @returns {string[]}
 */
export function styleAttributeHashes(markup) {
  const hashes = new Set();
  for (const match of markup.matchAll(/\sstyle="([^"]*)"/g)) {
    const digest = createHash('sha256')
      .update(decodeAttribute(match[1] ?? ''), 'utf8')
      .digest('base64');
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

/**
 * Adds `'unsafe-hashes'` and `hashes` to the `style-src` directive of the page's policy.
 * @param {string} html
 * @param {string[]} hashes
 */
function allowStyleAttributes(html, hashes) {
  if (hashes.length === 0) return html;
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?style-src 'self')/,
    `$1 'unsafe-hashes' ${hashes.join(' ')}`,
  );
}

/**
 * Renders the first screen with the app's components (src/prerender.tsx) in a Vite server.
 * @returns {Promise<{ html: string, data: string, script: string }>}
 */
async function renderFirstScreen() {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = await server.ssrLoadModule('/src/prerender.tsx');
    return await module.renderFirstScreen();
  } finally {
    await server.close();
  }
}

/** The tag of public/theme-init.js in index.html (the dev server serves the file as it is). */
const THEME_INIT_TAG = '<script src="./theme-init.js"></script>';

/**
 * Adds `'sha256-…'` of `code` to the policy's `script-src`, allowing that inline script and no
 * other.
 * @param {string} html
 * @param {string} code
 */
function allowInlineScript(html, code) {
  const hash = createHash('sha256').update(code, 'utf8').digest('base64');
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?script-src 'self')/,
    `$1 'sha256-${hash}'`,
  );
}

/**
 * Puts public/theme-init.js inline: a blocking request in the head would hold the first paint back
 * by a round trip.
 * @param {string} html
 */
function inlineThemeInit(html) {
  if (!html.includes(THEME_INIT_TAG)) return html;
  const code = readFileSync(resolve(ROOT, 'public', 'theme-init.js'), 'utf8');
  return allowInlineScript(
    html.replace(THEME_INIT_TAG, () => `<script>${code}</script>`),
    code,
  );
}

/**
 * Puts the script that keeps presses made before the app has started (src/ui/early-input.ts)
 * inline in the head, right after the theme's (the first script, ahead of the stylesheets), so
 * that it listens before the body is parsed.
 * @param {string} html
 * @param {string} code
 */
function inlineEarlyInput(html, code) {
  if (!html.includes('</script>')) return html;
  return allowInlineScript(
    html.replace('</script>', () => `</script>\n    <script>${code}</script>`),
    code,
  );
}

/**
 * Moves the stylesheets ahead of the module scripts and preloads in the head, so the first
 * screen's CSS is requested first.
 * @param {string} html
 */
function stylesFirst(html) {
  const sheets = html.match(/ *<link rel="stylesheet"[^>]*>\n?/g) ?? [];
  if (sheets.length === 0) return html;
  let rest = html;
  for (const sheet of sheets) rest = rest.replace(sheet, '');
  const first = rest.search(/ *<script type="module"/);
  if (first < 0) return html;
  return rest.slice(0, first) + sheets.join('') + rest.slice(first);
}

/**
 * Modules whose stylesheets the first screen needs, linked in the head so that the prerendered
 * screen paints styled: the app's start (boot.tsx, which main.tsx imports once the first frame is
 * on screen) and the canvas (React Flow, which hydrates after the rest of the screen). Their code
 * is not preloaded: fetched and compiled alongside the first screen's stylesheets, it held the
 * first paint back by about 40 ms on the bench's machine (`npm run bench`), and presses made
 * before it runs are kept by the inline head script (src/ui/early-input.ts).
 */
const STYLED_MODULES = ['/src/boot.tsx', '/src/ui/canvas/FlowCanvas.tsx'];

/**
 * `<link rel="stylesheet">` for the sheets {@link STYLED_MODULES} and every chunk they import
 * statically carry; none for what the page already links.
 * @param {string} html
 * @param {import('vite').Rollup.OutputBundle | undefined} bundle
 */
function linkFirstScreenSheets(html, bundle) {
  const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk');
  const roots = STYLED_MODULES.map((module) =>
    chunks.find((chunk) => chunk.facadeModuleId?.endsWith(module)),
  );
  /**
   * The chunks `roots` import statically, themselves included.
   * @param {(import('vite').Rollup.OutputChunk | undefined)[]} from
   */
  const closure = (from) => {
    /** @type {string[]} */
    const found = [];
    /** @param {string} fileName */
    const visit = (fileName) => {
      if (found.includes(fileName)) return;
      found.push(fileName);
      for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? [])
        visit(imported);
    };
    for (const root of from) if (root) visit(root.fileName);
    return found;
  };
  const files = closure(roots);
  if (files.length === 0) return html;
  const sheets = [
    ...new Set(
      files.flatMap((file) => [
        ...(chunks.find((c) => c.fileName === file)?.viteMetadata?.importedCss ?? []),
      ]),
    ),
  ];
  const links = sheets
    .filter((file) => !html.includes(`"./${file}"`))
    .map((file) => `    <link rel="stylesheet" crossorigin href="./${file}">\n`)
    .join('');
  return html.replace(/ *<\/head>/, (end) => `${links}${end}`);
}

/**
 * The Vite plugin: in `vite build` only, puts the prerendered first screen and its data into
 * index.html, and links the stylesheets the first screen needs.
 * @returns {import('vite').Plugin}
 */
export function prerenderFirstScreen() {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(page, context) {
        const html = stylesFirst(inlineThemeInit(linkFirstScreenSheets(page, context.bundle)));
        if (!html.includes(ROOT_ELEMENT)) return html;
        let screen;
        try {
          screen = await renderFirstScreen();
        } catch (error) {
          console.warn(
            `prerender-first-screen: the first screen was not prerendered, the app will render on the client: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          return html;
        }
        const withScreen = html.replace(
          ROOT_ELEMENT,
          `<div id="root">${screen.html}</div>\n    <script type="application/json" id="first-screen-data">${screen.data}</script>`,
        );
        return allowStyleAttributes(
          inlineEarlyInput(withScreen, screen.script),
          styleAttributeHashes(screen.html),
        );
      },
    },
  };
}
