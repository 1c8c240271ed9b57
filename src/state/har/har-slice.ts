// The store's replay slice: a HAR shown as a run (replay mode), its party names and secret masking.
import type { StoreApi } from 'zustand/vanilla';
import type { PartyId, ScenarioId, SimulationRun } from '../../engine/index';
import type { AppState } from '../types';

/**
 * A HAR prepared for replay by the lazily loaded `state/har` chunk. `render` turns it into the run
 * the views read for the person's party names and the secret switch (pure, synchronous); the
 * slice never imports the parser, so the first screen does not carry it.
 */
export interface ReplayInput {
  fileName: string;
  /** Sentences about what the import left out (preflights, pages and scripts, binary bodies). */
  notes: string[];
  /** The parties as inferred from hosts, before any renaming. */
  parties: { id: PartyId; label: string }[];
  render: (view: {
    names: Readonly<Record<PartyId, string>>;
    showSecrets: boolean;
    scenarioId: ScenarioId;
  }) => SimulationRun;
}

/** The replay on screen: its input, the person's names, the secret switch, and the run shown. */
export interface Replay extends ReplayInput {
  names: Record<PartyId, string>;
  showSecrets: boolean;
  run: SimulationRun;
}

/** Replay mode: a HAR shown through the same canvas, timeline and inspector as a scenario. */
export interface HarSlice {
  /** The last imported HAR; on screen while the store's `run` is its run (see {@link selectReplay}). */
  replay: Replay | null;
  /** Shows a HAR's run before step 1, with secrets masked; what-ifs and answers are cleared. */
  startReplay: (input: ReplayInput) => void;
  /** Gives a party the name the person typed (blank restores the inferred one). */
  renameReplayParty: (id: PartyId, label: string) => void;
  /** Reveals or masks secrets (client secrets, passwords, codes, refresh tokens, cookies). */
  setReplaySecretsShown: (shown: boolean) => void;
  /** Leaves replay mode: runs the scenario (or edited world) that was on screen before, again. */
  leaveReplay: () => Promise<void>;
}

/**
 * The replay on screen, or `null` when a scenario's run is (loading a scenario, a link or Reset of
 * a scenario replaces the run, which ends replay mode by itself).
 */
export function selectReplay(state: AppState): Replay | null {
  const { replay, run } = state;
  return replay !== null && run === replay.run ? replay : null;
}

/** Whether the screen shows a HAR replay instead of a scenario. */
export function selectReplaying(state: AppState): boolean {
  return selectReplay(state) !== null;
}

/** For components (`useAppStore` takes selectors that return objects): replay mode on or off. */
export const selectReplayMode = (state: AppState) => ({ replaying: selectReplaying(state) });

/** The replay bar: the replay on screen and its actions. */
export const selectReplayBar = (state: AppState) => ({
  replay: selectReplay(state),
  rename: state.renameReplayParty,
  setShown: state.setReplaySecretsShown,
  leave: state.leaveReplay,
});

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** The replay slice (combined in `store.ts`). */
export function harSlice(set: Set, get: Get): HarSlice {
  const show = (replay: Replay, keepCursor: boolean): void => {
    set({
      replay,
      run: replay.run,
      status: 'ready',
      error: null,
      ...(keepCursor
        ? {}
        : {
            variants: [],
            decisions: [],
            cursor: -1,
            playing: false,
            selectedStep: null,
            focusedToken: null,
            tab: 'narration' as const,
            positions: {},
          }),
    });
  };
  const redraw = (changes: Partial<Pick<Replay, 'names' | 'showSecrets'>>): void => {
    const current = selectReplay(get());
    if (!current) return;
    const next = { ...current, ...changes };
    show({ ...next, run: next.render({ ...next, scenarioId: get().scenarioId }) }, true);
  };
  return {
    replay: null,
    startReplay: (input) => {
      get().pause();
      const names: Record<PartyId, string> = {};
      const run = input.render({ names, showSecrets: false, scenarioId: get().scenarioId });
      show({ ...input, names, showSecrets: false, run }, false);
    },
    renameReplayParty: (id, label) => {
      const current = selectReplay(get());
      if (!current) return;
      redraw({ names: { ...current.names, [id]: label } });
    },
    setReplaySecretsShown: (shown) => redraw({ showSecrets: shown }),
    leaveReplay: async () => {
      // The scenario's run replaces the replay's, which ends replay mode by itself (the URL sync
      // never sees a moment where the replay's cursor stands for the scenario's).
      await get().rerun();
      if (!selectReplaying(get())) set({ replay: null });
    },
  };
}
