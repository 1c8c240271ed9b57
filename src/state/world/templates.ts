// Templates the scenario editor starts a world from: every built-in scenario, and generated ones.
import type { ScenarioDefinition } from '../../engine/index';
import { worldFromScenario } from './convert';
import type { World } from './schema';

/** A template the editor offers: an id, a label, and whether it is generated at scale. */
export interface WorldTemplate {
  id: string;
  label: string;
}

/** Generated templates (loaded on demand from src/scenarios/generated). */
export const GENERATED_TEMPLATES: readonly WorldTemplate[] = [
  { id: 'fan-out-40', label: 'Fan-out at scale: 40 parties (13 On-Behalf-Of chains)' },
  { id: 'fan-out-5', label: 'Three-hop On-Behalf-Of chain (API A -> API B -> API C)' },
];

/** Every template: the built-in scenarios of `catalogue`, then the generated ones. */
export function worldTemplates(catalogue: readonly ScenarioDefinition[]): WorldTemplate[] {
  return [
    ...catalogue.map((s) => ({ id: `scenario:${s.id}`, label: `Built-in: ${s.title}` })),
    ...GENERATED_TEMPLATES,
  ];
}

/**
 * The world of template `id` (see {@link worldTemplates}); `null` for an unknown id. Generated
 * worlds come from `fanOutWorld` (a separate chunk).
 */
export async function loadTemplate(
  id: string,
  catalogue: readonly ScenarioDefinition[],
): Promise<World | null> {
  if (id.startsWith('scenario:')) {
    const scenario = catalogue.find((s) => `scenario:${s.id}` === id);
    return scenario ? worldFromScenario(scenario) : null;
  }
  const match = /^fan-out-(\d+)$/.exec(id);
  if (!match) return null;
  const { fanOutWorld } = await import('../../scenarios/generated/fan-out');
  return fanOutWorld(Number(match[1])) as World;
}
