// The floors of DESIGN.md section 9, built in the same run from the app's own first screen:
// - static: the app's first screen as it is painted, saved as HTML without any script;
// - react: the same party nodes and an enabled "Play" button rendered by bare React;
// - flow: the same nodes (labels and positions) in bare React + React Flow.
// They are built with Vite into node_modules/.tmp/bench-floors/ and served by `vite preview`, like
// the app, so that each figure can be set against its floor measured minutes apart at most.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './options.mjs';
import { loadAndWaitReady, withPage } from './page.mjs';

const SOURCES = join(ROOT, 'node_modules', '.tmp', 'bench-floors-src');
export const FLOORS_DIST = join(ROOT, 'node_modules', '.tmp', 'bench-floors');
/** The floor pages, by name, as served paths. */
export const FLOOR_PAGES = { static: 'static.html', react: 'react.html', flow: 'flow.html' };

/**
 * @typedef {{ label: string, x: number, y: number }} FloorNode
 * @typedef {{ html: string, nodes: FloorNode[], width: number, height: number }} FirstScreen
 */

/**
 * Loads the app once and captures its first screen: the painted markup and the party nodes.
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<FirstScreen>}
 */
function captureFirstScreen(browser) {
  return withPage(browser, 'reduce', async (page) => {
    await loadAndWaitReady(page);
    const canvas = page.getByRole('region', { name: 'Flow diagram' });
    const box = (await canvas.boundingBox()) ?? { x: 0, y: 0, width: 800, height: 600 };
    const nodes = [];
    for (const node of await canvas.locator('[aria-roledescription="node"]').all()) {
      const rect = await node.boundingBox();
      const label = (await node.getAttribute('aria-label')) ?? '';
      if (rect) nodes.push({ label, x: rect.x - box.x, y: rect.y - box.y });
    }
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
      // The app's policy forbids the style attributes React Flow's painted nodes carry in markup.
      .replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
    return { html, nodes, width: box.width, height: box.height };
  });
}

/**
 * A page that renders the nodes and an enabled "Play" button with React (and React Flow).
 * @param {FirstScreen} screen
 * @param {boolean} withFlow
 */
function reactPage(screen, withFlow) {
  const imports = withFlow
    ? "import { ReactFlow } from '@xyflow/react';\nimport '@xyflow/react/dist/style.css';"
    : '';
  const content = withFlow
    ? `h(ReactFlow, {
    nodes: nodes.map((n, i) => ({
      id: String(i), position: { x: n.x, y: n.y }, data: { label: n.label },
      ariaLabel: n.label, ariaRole: 'group',
    })),
    edges: [],
    defaultViewport: { x: 0, y: 0, zoom: 1 },
  })`
    : `nodes.map((n, i) => h('div', {
    key: i, role: 'group', 'aria-roledescription': 'node', 'aria-label': n.label,
    style: { position: 'absolute', left: n.x, top: n.y, padding: 8, border: '1px solid #888' },
  }, n.label))`;
  return `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
${imports}
const nodes = ${JSON.stringify(screen.nodes)};
const size = { width: ${screen.width}, height: ${screen.height}, position: 'relative' };
const canvas = h('section', { 'aria-label': 'Flow diagram', style: size }, ${content});
createRoot(document.getElementById('root')).render(
  h('main', null, canvas, h('button', { type: 'button', 'aria-label': 'Play' }, 'Play')),
);
`;
}

/** @param {string} script */
const shell = (script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>` +
  `<body><div id="root"></div><script type="module" src="./${script}"></script></body></html>\n`;

/**
 * Captures the app's first screen and builds the three floor pages.
 * @param {import('playwright-core').Browser} browser
 * @param {string} distDir the app's build (its stylesheets go with the static floor)
 * @returns {Promise<{ nodes: number }>}
 */
export async function buildFloors(browser, distDir) {
  const screen = await captureFirstScreen(browser);
  rmSync(SOURCES, { recursive: true, force: true });
  mkdirSync(join(SOURCES, 'assets'), { recursive: true });
  for (const name of readdirSync(join(distDir, 'assets'))) {
    if (name.endsWith('.css'))
      copyFileSync(join(distDir, 'assets', name), join(SOURCES, 'assets', name));
  }
  writeFileSync(join(SOURCES, FLOOR_PAGES.static), screen.html);
  writeFileSync(join(SOURCES, 'react.js'), reactPage(screen, false));
  writeFileSync(join(SOURCES, FLOOR_PAGES.react), shell('react.js'));
  writeFileSync(join(SOURCES, 'flow.js'), reactPage(screen, true));
  writeFileSync(join(SOURCES, FLOOR_PAGES.flow), shell('flow.js'));
  const { build } = await import('vite');
  await build({
    root: SOURCES,
    configFile: false,
    base: './',
    // React Flow's 'use client' directives make the bundler warn; they mean nothing here.
    logLevel: 'error',
    build: {
      outDir: FLOORS_DIST,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(FLOOR_PAGES).map(([name, file]) => [name, join(SOURCES, file)]),
        ),
      },
    },
  });
  return { nodes: screen.nodes.length };
}
