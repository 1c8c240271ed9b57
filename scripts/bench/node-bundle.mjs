// The app's TypeScript modules, bundled for Node with rolldown (Vite's bundler) into
// node_modules/.tmp/bench/, for the parts of the bench that run them outside the browser: the
// headless engine (engine.mjs) and the 40-party world's link (world-link.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TMP } from './options.mjs';

/**
 * Bundles a module re-exporting `exports` (export name -> absolute source path) as
 * node_modules/.tmp/bench/`name`.mjs and imports it afresh. Bare imports (jose, @peculiar/x509...)
 * stay external and resolve from node_modules. Rejects when the bundle cannot be built or loaded.
 * @param {string} name
 * @param {Record<string, string>} exports
 * @returns {Promise<Record<string, unknown>>}
 */
export async function bundleForNode(name, exports) {
  const { build } = await import('rolldown');
  mkdirSync(TMP, { recursive: true });
  const entry = join(TMP, `${name}-entry.ts`);
  writeFileSync(
    entry,
    [
      ...Object.entries(exports).map(
        ([exported, source]) => `export { ${exported} } from ${JSON.stringify(source)};`,
      ),
      '',
    ].join('\n'),
  );
  const file = join(TMP, `${name}.mjs`);
  await build({
    input: entry,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    output: { file, format: 'esm' },
    logLevel: 'warn',
  });
  return import(`${pathToFileURL(file).href}?t=${Date.now()}`);
}
