// The 40-party world of the editor (src/scenarios/generated/fan-out.ts) as a link to the built app:
// the share-link codec (src/state/link/codec.ts) and fanOutWorld are bundled for Node with rolldown
// into node_modules/.tmp/bench/, and the link opens the world in a fresh page as the app would.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, TMP } from './options.mjs';

/** Parties in the world the frame-rate figure plays (DESIGN.md section 9). */
export const WORLD_PARTIES = 40;

const FAN_OUT = join(ROOT, 'src', 'scenarios', 'generated', 'fan-out.ts');

/**
 * The URL fragment (`s1=...`, no `#`) that opens fanOutWorld(`parties`), or `null` when this
 * checkout has no generated world.
 * @param {number} [parties]
 * @returns {Promise<string | null>}
 */
export async function worldLinkFragment(parties = WORLD_PARTIES) {
  if (!existsSync(FAN_OUT)) return null;
  const { build } = await import('rolldown');
  mkdirSync(TMP, { recursive: true });
  const entry = join(TMP, 'world-link-entry.ts');
  writeFileSync(
    entry,
    [
      `export { fanOutWorld } from ${JSON.stringify(FAN_OUT)};`,
      `export { encodeLinkState } from ${JSON.stringify(join(ROOT, 'src', 'state', 'link', 'codec.ts'))};`,
      '',
    ].join('\n'),
  );
  const file = join(TMP, 'world-link.mjs');
  await build({
    input: entry,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    output: { file, format: 'esm' },
    logLevel: 'warn',
  });
  const { fanOutWorld, encodeLinkState } = await import(
    `${pathToFileURL(file).href}?t=${Date.now()}`
  );
  const world = fanOutWorld(parties);
  return encodeLinkState({
    v: 1,
    scenario: world.baseScenario,
    variants: [],
    decisions: [],
    seed: 1,
    step: -1,
    tab: 'narration',
    view: 'canvas',
    world,
  });
}
