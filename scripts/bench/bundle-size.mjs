// Initial JavaScript: what the first page load fetches, gzip level 9, against the lazy chunks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { errorText, notAvailable, record } from './report.mjs';

const BUDGET = { budget: '<= 150 KB gzip', limit: 150 };

/**
 * JS files the first page load fetches: entry scripts, modulepreloads and their static imports.
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
  let raw = 0;
  let gzip = 0;
  const names = [];
  for (const [path, code] of files) {
    raw += code.length;
    const size = gzipSync(code, { level: 9 }).length;
    gzip += size;
    names.push(`${path.slice(distDir.length + 1)} ${(size / 1024).toFixed(1)} KB`);
  }
  const allJs = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  let lazyGzip = 0;
  for (const name of allJs) {
    const path = join(distDir, 'assets', name);
    if (!files.has(path)) lazyGzip += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return { raw, gzip, names, lazyGzip, lazyCount: allJs.length - files.size };
}

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
      note: `${js.names.join(', ')}; raw ${(js.raw / 1024).toFixed(0)} KB; lazy chunks: ${js.lazyCount} file(s), ${(js.lazyGzip / 1024).toFixed(1)} KB gzip; ${buildNote}`,
    });
  } catch (error) {
    notAvailable(section, 'Initial JS (gzip)', errorText(error), BUDGET);
  }
}
