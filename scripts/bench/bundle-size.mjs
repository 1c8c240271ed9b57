// Initial JavaScript: what the first page load fetches, gzip level 9, against the lazy chunks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { errorText, notAvailable, record } from './report.mjs';

const BUDGET = { budget: '<= 150 KB gzip', limit: 150 };

/**
 * JS files the first page load fetches before it is hydrated: entry scripts, modulepreloads, the
 * app's start and their static imports.
 * @param {string} distDir
 */
function initialJavaScript(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  /** @type {Set<string>} */
  const refs = new Set();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) refs.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && rel.split(/\s+/).includes('modulepreload')) refs.add(href);
  }
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  /** @param {string} absolute */
  const visit = (absolute) => {
    if (files.has(absolute) || !existsSync(absolute)) return;
    const code = readFileSync(absolute);
    files.set(absolute, code);
    // Static imports only (`import{x}from"./a.js"`, `import"./b.js"`), never `import("./c.js")`.
    const text = code.toString('utf8');
    for (const match of text.matchAll(
      /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      if (match[1]) visit(resolve(dirname(absolute), match[1]));
    }
  };
  for (const ref of refs) {
    if (/^https?:/i.test(ref)) continue;
    visit(join(distDir, ref.replace(/^\.?\//, '')));
  }
  // The app's start: the entry imports it (dynamically) once the first frame is on screen, on every load.
  for (const name of readdirSync(join(distDir, 'assets')).filter((f) => START_CHUNK.test(f)))
    visit(join(distDir, 'assets', name));
  /** @param {Map<string, Buffer>} set */
  const sizes = (set) => {
    let raw = 0;
    let gzip = 0;
    const names = [];
    for (const [path, code] of set) {
      raw += code.length;
      const size = gzipSync(code, { level: 9 }).length;
      gzip += size;
      names.push(`${path.slice(distDir.length + 1)} ${(size / 1024).toFixed(1)} KB`);
    }
    return { raw, gzip, names };
  };
  const initial = sizes(files);
  // The canvas chunk (React Flow), requested by the app's start and hydrated after the rest of
  // the first screen, with what it imports that the initial load has not fetched.
  const allJs = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  const before = new Set(files.keys());
  for (const name of allJs.filter((f) => DEFERRED_CHUNK.test(f)))
    visit(join(distDir, 'assets', name));
  const deferred = sizes(new Map([...files].filter(([path]) => !before.has(path))));
  let lazyGzip = 0;
  for (const name of allJs) {
    const path = join(distDir, 'assets', name);
    if (!files.has(path)) lazyGzip += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return { ...initial, deferred, lazyGzip, lazyCount: allJs.length - files.size };
}

/** The app's start (src/boot.tsx), which the entry script imports once the first frame is on screen. */
const START_CHUNK = /^boot-[\w-]+\.js$/;

/** The first screen's deferred chunk: the canvas (React Flow), see src/ui/canvas/CanvasIsland.tsx. */
const DEFERRED_CHUNK = /^FlowCanvas-[\w-]+\.js$/;

/**
 * Records the initial JavaScript of the build in `distDir`.
 * @param {string} section
 * @param {string} distDir
 * @param {string} buildNote how the build came about
 */
export function benchBundleSize(section, distDir, buildNote) {
  try {
    const js = initialJavaScript(distDir);
    record(section, 'Initial JS (gzip)', js.gzip / 1024, {
      unit: 'KB',
      ...BUDGET,
      note: `what the page fetches before it is hydrated (entry, modulepreloads, the app's start the entry imports once the first frame is on screen, their static imports): ${js.names.join(', ')}; raw ${(js.raw / 1024).toFixed(0)} KB; ${buildNote}`,
    });
    record(
      section,
      'First screen JS incl. the deferred canvas (gzip)',
      (js.gzip + js.deferred.gzip) / 1024,
      {
        unit: 'KB',
        note: `the canvas chunk the app's start requests and hydrates after the rest of the screen, while the prerendered canvas stays painted: ${js.deferred.names.join(', ') || 'none found'}; other lazy chunks (on demand, and the engine when the page is idle): ${js.lazyCount} file(s), ${(js.lazyGzip / 1024).toFixed(1)} KB gzip`,
      },
    );
  } catch (error) {
    notAvailable(section, 'Initial JS (gzip)', errorText(error), BUDGET);
  }
}
