// The 40-party world of the editor (src/scenarios/generated/fan-out.ts) as a link to the built app:
// the share-link codec (src/state/link/codec.ts), its default state and fanOutWorld are bundled for
// Node (node-bundle.mjs), and the link opens the world in a fresh page as the app would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForNode } from './node-bundle.mjs';
import { ROOT } from './options.mjs';

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
  const bundle = await bundleForNode('world-link', {
    fanOutWorld: FAN_OUT,
    encodeLinkState: join(ROOT, 'src', 'state', 'link', 'codec.ts'),
    DEFAULT_LINK_STATE: join(ROOT, 'src', 'state', 'link', 'defaults.ts'),
  });
  const { fanOutWorld, encodeLinkState, DEFAULT_LINK_STATE } =
    /** @type {{ fanOutWorld: (n: number) => { baseScenario: string }, encodeLinkState: (state: object) => Promise<string>, DEFAULT_LINK_STATE: object }} */ (
      bundle
    );
  const world = fanOutWorld(parties);
  return encodeLinkState({ ...DEFAULT_LINK_STATE, scenario: world.baseScenario, world });
}
