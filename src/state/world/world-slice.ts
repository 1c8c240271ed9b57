// The edited world in the store: open one, edit it (each valid edit re-runs), close it.
import type { StoreApi } from 'zustand/vanilla';
import type { ScenarioDefinition, ScenarioId, UserDecision } from '../../engine/index';
import type { AppState } from '../types';
import { selectScenarioIndex, type ScenarioSummary, type VariantSummary } from '../catalogue';
import type { LinkState } from '../link/schema';
import { scenarioFromWorld } from './convert';
import type { World, WorldIssue } from './schema';
import { expandLinkWorld } from './link-world';

/** What {@link WorldSlice.editWorld} made of an edit. */
export type WorldEditResult =
  | { ok: true }
  /** The edit was refused; the last valid world keeps running. `issues` say where and why. */
  | { ok: false; issues: WorldIssue[] };

/** An edited scenario ("world") in place of the built-in one. */
export interface WorldSlice {
  /** The edited world that runs, or `null` for the built-in scenario `scenarioId`. */
  world: World | null;
  /** The name the world was opened or saved under (`null` = unnamed). */
  worldName: string | null;
  /**
   * Runs `world` as the scenario (its `baseScenario` becomes `scenarioId`, what-ifs off, answers
   * cleared), under `name` when given. A world the catalogue cannot run (unknown base scenario)
   * is refused with a notice and the current scenario stays.
   */
  openWorld: (world: World, name?: string) => Promise<WorldEditResult>;
  /**
   * Replaces the running world with an edited one (any value: it is validated) and re-runs with
   * the same what-ifs, playback back before step 1. An invalid value, or one the engine cannot
   * run, is refused with its issues and the last valid world keeps running.
   */
  editWorld: (world: unknown) => Promise<WorldEditResult>;
  /** Goes back to the built-in scenario the world was based on. */
  closeWorld: () => Promise<void>;
}

/** What the slice needs from the store: a run of the current request. */
type StartRun = (request: {
  scenarioId: ScenarioId;
  variants: string[];
  decisions: UserDecision[];
  keepRun: boolean;
}) => Promise<void>;

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** The zod schema loads on demand: the first screen does not need it. */
const loadSchema = () => import('./schema');

const runnable = new WeakMap<World, ScenarioDefinition>();

/**
 * The scenario a run of `scenarioId` uses: the open world when it is based on that id (built
 * once per world), else the catalogue's. `undefined` when neither has it.
 */
export function scenarioToRun(
  state: Pick<AppState, 'world'>,
  catalogue: readonly ScenarioDefinition[],
  scenarioId: ScenarioId,
): ScenarioDefinition | undefined {
  const { world } = state;
  if (world && world.baseScenario === scenarioId) {
    let scenario = runnable.get(world);
    if (!scenario) {
      scenario = scenarioFromWorld(world, catalogue);
      runnable.set(world, scenario);
    }
    return scenario;
  }
  return catalogue.find((s) => s.id === scenarioId);
}

/**
 * Sets the world a link carries before the store restores the link's run: none, or the link's
 * (expanded from what differs from its base scenario, then validated). A world that fails
 * validation opens the built-in scenario with a notice naming the first problems.
 */
export async function applyLinkWorld(
  set: Set,
  get: Get,
  link: LinkState,
  catalogue: readonly ScenarioDefinition[],
): Promise<void> {
  if (link.world === undefined) {
    if (get().world) set({ world: null, worldName: null });
    return;
  }
  const { resolveWorld } = await loadSchema();
  const resolved = resolveWorld(expandLinkWorld(link.world, catalogue), catalogue);
  if (resolved.ok && resolved.world.baseScenario !== link.scenario) {
    set({ world: null, worldName: null });
    get().notify(
      `The link's edited scenario is based on "${resolved.world.baseScenario}" but the link names "${link.scenario}"; the built-in scenario opened instead.`,
    );
    return;
  }
  if (resolved.ok) {
    set({
      world: resolved.world,
      worldName: resolved.world.title,
      scenarioId: resolved.scenario.id,
    });
    return;
  }
  set({ world: null, worldName: null });
  const first = resolved.issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  get().notify(
    `The link's edited scenario could not be used (${first}); the built-in scenario opened instead.`,
  );
}

/** The world slice; `startRun` is the store's run of a request (newest request wins). */
export function worldSlice(set: Set, get: Get, startRun: StartRun): WorldSlice {
  /** Runs `world` and reports whether the engine could; the caller restores on failure. */
  const runWorld = async (world: World, variants: string[]): Promise<WorldEditResult> => {
    set({ world });
    await startRun({
      scenarioId: world.baseScenario as ScenarioId,
      variants,
      decisions: [],
      keepRun: true,
    });
    const state = get();
    if (state.world !== world || state.status !== 'error') return { ok: true };
    return { ok: false, issues: [{ path: '', message: state.error ?? 'The run failed.' }] };
  };

  const catalogueNow = async (): Promise<readonly ScenarioDefinition[] | null> => {
    const { catalogue } = get();
    if (catalogue) return catalogue;
    await get().rerun();
    return get().catalogue;
  };

  return {
    world: null,
    worldName: null,
    openWorld: async (world, name) => {
      const catalogue = await catalogueNow();
      const { resolveWorld } = await loadSchema();
      const resolved = resolveWorld(world, catalogue ?? []);
      if (!resolved.ok) {
        get().notify(
          `The scenario could not be opened: ${resolved.issues[0]?.message ?? 'not valid'}.`,
        );
        return resolved;
      }
      const previous = { world: get().world, worldName: get().worldName };
      set({ worldName: name ?? resolved.world.title });
      const result = await runWorld(resolved.world, []);
      if (!result.ok) {
        set(previous);
        await get().rerun();
      }
      return result;
    },
    editWorld: async (value) => {
      const previous = get().world;
      const catalogue = get().catalogue;
      if (!previous || !catalogue)
        return { ok: false, issues: [{ path: '', message: 'No edited scenario is open.' }] };
      const { resolveWorld } = await loadSchema();
      const resolved = resolveWorld(value, catalogue);
      if (!resolved.ok) return resolved;
      // What-ifs of the base scenario stay on only while the base stays the same.
      const variants = resolved.world.baseScenario === previous.baseScenario ? get().variants : [];
      const result = await runWorld(resolved.world, variants);
      if (!result.ok && get().world === resolved.world) {
        set({ world: previous });
        await startRun({
          scenarioId: previous.baseScenario as ScenarioId,
          variants,
          decisions: [],
          keepRun: true,
        });
      }
      return result;
    },
    closeWorld: async () => {
      const { world } = get();
      set({ world: null, worldName: null });
      if (world)
        await startRun({
          scenarioId: world.baseScenario as ScenarioId,
          variants: [],
          decisions: [],
          keepRun: false,
        });
    },
  };
}

/**
 * The scenario the screen shows for the current run: the edited world's (its summary, docs)
 * when one is open, else the catalogue's. For the inspector's introduction.
 */
export const selectShownScenario = (s: AppState): { shown: ScenarioSummary | undefined } => {
  if (!s.run) return { shown: undefined };
  const listed = selectScenarioIndex(s)?.find((c) => c.id === s.run?.scenarioId);
  if (!s.world || !s.catalogue) return { shown: listed };
  try {
    return { shown: scenarioToRun(s, s.catalogue, s.run.scenarioId) };
  } catch {
    return { shown: listed };
  }
};

const NO_WHAT_IFS: readonly VariantSummary[] = [];

/**
 * The what-if switches of the scenario on screen: the edited world's (those of its base that fit
 * it, once the catalogue has loaded), else the listed scenario's (known before the catalogue has
 * loaded). For the "What if..." panel and `toggleVariant`.
 */
export const selectWhatIfs = (s: AppState): { whatIfs: readonly VariantSummary[] } => {
  if (!s.world)
    return {
      whatIfs: selectScenarioIndex(s)?.find((c) => c.id === s.scenarioId)?.variants ?? NO_WHAT_IFS,
    };
  if (!s.catalogue) return { whatIfs: NO_WHAT_IFS };
  try {
    return { whatIfs: scenarioToRun(s, s.catalogue, s.scenarioId)?.variants ?? NO_WHAT_IFS };
  } catch {
    return { whatIfs: NO_WHAT_IFS };
  }
};
