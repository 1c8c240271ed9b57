// A world in a share link: only its top-level fields that differ from its base scenario's, so
// narration and documentation links (unchanged by most edits) do not make the link long.
import type { ScenarioDefinition } from '../../engine/index';
import { worldFromScenario } from './convert';
import type { World } from './schema';

/** Whether two JSON values are equal, whatever the order of object keys (zod orders them by schema). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((k) =>
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

const compactCache = new WeakMap<World, Record<string, unknown>>();

/**
 * The link form of `world`: `version`, `baseScenario` and every top-level field whose JSON
 * differs from the base scenario's world. Without the base in `catalogue`, the whole world.
 */
export function compactLinkWorld(
  world: World,
  catalogue: readonly ScenarioDefinition[] | null,
): Record<string, unknown> {
  const cached = compactCache.get(world);
  if (cached) return cached;
  const base = catalogue?.find((s) => s.id === world.baseScenario);
  let compact: Record<string, unknown> = { ...world };
  if (base) {
    const baseWorld = worldFromScenario(base) as Record<string, unknown>;
    compact = { version: world.version, baseScenario: world.baseScenario };
    for (const [key, value] of Object.entries(world))
      if (!sameJson(value, baseWorld[key])) compact[key] = value;
  }
  compactCache.set(world, compact);
  return compact;
}

/**
 * The full world of a link's `world` value: the base scenario's world with the link's fields
 * over it. Returns the value unchanged when it names no known base (validation then reports it).
 */
export function expandLinkWorld(value: unknown, catalogue: readonly ScenarioDefinition[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const baseId = (value as { baseScenario?: unknown }).baseScenario;
  const base = catalogue.find((s) => s.id === baseId);
  if (!base) return value;
  return { ...worldFromScenario(base), ...value };
}

/**
 * Longest share link (characters, whole URL) the Share dialog hands out without a warning. Links
 * far longer than this get cut by mail clients, chat tools and some servers' request-line limits
 * (8 KB is a common default, e.g. nginx `large_client_header_buffers`), so the dialog offers the
 * scenario as a file instead.
 */
export const MAX_SHARE_LINK_CHARS = 8000;
