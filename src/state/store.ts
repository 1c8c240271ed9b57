// The zustand store: four slices combined in one place, with the playback timer and run guard.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioId, UserDecision } from '../engine/index';
import { selectPendingPrompt } from './selectors';
import type {
  AppState,
  InspectorSlice,
  LayoutSlice,
  PlaybackSlice,
  SimulationSlice,
  Speed,
  StoreDeps,
} from './types';

/** Milliseconds one step takes during playback at 1x (the packet's travel plus a pause). */
export const BASE_STEP_MS = 1200;

/** How long one step lasts during playback at `speed`, in milliseconds. */
export function stepDurationMs(speed: Speed): number {
  return Math.round(BASE_STEP_MS / speed);
}

/** Options for {@link createAppStore}. */
export interface CreateStoreOptions {
  /** Scenario shown before the first `loadScenario` (default `obo-secret`). */
  initialScenario?: ScenarioId;
  /** Seed for the engine's random generator (default 1). */
  seed?: number;
}

/** Turns whatever the engine threw into one readable sentence. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error) return error;
  return 'The simulation engine failed without a message.';
}

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/**
 * Creates the application store. Runs are asynchronous (real crypto), so each run carries a
 * request number and only the newest request may write its result: a slow, stale run never
 * overwrites a newer one. Playback uses a timer owned by the store, one step per
 * {@link stepDurationMs}. A run that stops at a prompt is answered with
 * {@link SimulationSlice.answerPrompt}: the decision is appended and the flow re-runs; playback
 * waits at the prompt and goes on after the answer.
 */
export function createAppStore(
  deps: StoreDeps,
  options: CreateStoreOptions = {},
): StoreApi<AppState> {
  let latestRequest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const lastIndex = (get: Get): number => (get().run?.steps.length ?? 0) - 1;

  const schedule = (set: Set, get: Get): void => {
    stopTimer();
    timer = setTimeout(() => {
      timer = null;
      const state = get();
      if (!state.playing || !state.run || state.status !== 'ready') return;
      const last = lastIndex(get);
      const next = Math.min(state.cursor + 1, last);
      const more = next < last;
      // At a prompt, play mode stays on without a timer: the answer resumes it.
      const waiting = !more && state.run.pendingPrompt !== undefined;
      set({ cursor: next, selectedStep: null, playing: more || waiting });
      if (more) schedule(set, get);
      else if (waiting) answerPresetLater(set, get);
    }, stepDurationMs(get().speed));
  };

  /**
   * While playing at a prompt whose answer a what-if makes, gives that answer after one step's
   * time (the prompt is on screen, pre-selected, meanwhile): play goes on by itself.
   */
  const answerPresetLater = (set: Set, get: Get): void => {
    const preset = selectPendingPrompt(get())?.preset;
    if (!preset || !get().playing) return;
    stopTimer();
    timer = setTimeout(() => {
      timer = null;
      const state = get();
      if (state.playing && selectPendingPrompt(state)?.preset)
        void state.answerPrompt(preset.decision);
    }, stepDurationMs(get().speed));
  };

  /** What one run of the engine is for. */
  interface RunRequest {
    scenarioId: ScenarioId;
    variants: string[];
    decisions: UserDecision[];
    /** Keep the previous run on screen while this one computes (same scenario). */
    keepRun: boolean;
    /** After an answer: where playback was, so it goes on from there instead of before step 1. */
    resume?: { cursor: number; playing: boolean };
  }

  const startRun = async (set: Set, get: Get, request: RunRequest): Promise<void> => {
    latestRequest += 1;
    const ticket = latestRequest;
    const { scenarioId, variants, decisions, keepRun, resume } = request;
    stopTimer();
    set({
      scenarioId,
      variants,
      decisions,
      status: 'loading',
      error: null,
      ...(resume ? {} : { cursor: -1, playing: false, selectedStep: null, focusedToken: null }),
      ...(keepRun ? {} : { run: null, positions: {}, tab: 'narration' as const }),
    });
    try {
      const catalogue = get().catalogue ?? (await deps.loadCatalogue());
      if (ticket !== latestRequest) return;
      if (get().catalogue !== catalogue) {
        set({ catalogue });
        // Let the canvas draw and measure the parties before the run occupies the main thread.
        await deps.yieldToPaint?.();
        if (ticket !== latestRequest) return;
      }
      const scenario = catalogue.find((s) => s.id === scenarioId);
      if (!scenario) throw new Error(`Unknown scenario "${scenarioId}".`);
      const run = await deps.run(scenario, variants, get().seed, decisions);
      if (ticket !== latestRequest) return;
      if (!resume) {
        set({ run, status: 'ready', decisions: run.decisions });
        return;
      }
      // The prefix is the same run as before: reveal the first new step (the answer on its way).
      const last = run.steps.length - 1;
      const cursor = Math.min(resume.cursor + 1, last);
      const more = cursor < last;
      const playing = resume.playing && get().playing && (more || run.pendingPrompt !== undefined);
      set({
        run,
        status: 'ready',
        decisions: run.decisions,
        cursor,
        playing,
        selectedStep: null,
        focusedToken: null,
      });
      if (playing && more) schedule(set, get);
      else if (playing) answerPresetLater(set, get);
    } catch (error) {
      if (ticket !== latestRequest) return;
      set({ run: null, status: 'error', error: describeError(error), playing: false });
    }
  };

  const simulation = (set: Set, get: Get): SimulationSlice => ({
    catalogue: null,
    scenarioId: options.initialScenario ?? 'obo-secret',
    variants: [],
    seed: options.seed ?? 1,
    decisions: [],
    run: null,
    status: 'idle',
    error: null,
    loadScenario: (id) =>
      startRun(set, get, { scenarioId: id, variants: [], decisions: [], keepRun: false }),
    toggleVariant: (id) => {
      const { scenarioId, variants, catalogue } = get();
      const order = catalogue?.find((s) => s.id === scenarioId)?.variants.map((v) => v.id) ?? [];
      if (!order.includes(id)) return Promise.resolve();
      const enabled = new Set(variants);
      if (enabled.has(id)) enabled.delete(id);
      else enabled.add(id);
      return startRun(set, get, {
        scenarioId,
        variants: order.filter((v) => enabled.has(v)),
        decisions: [],
        keepRun: true,
      });
    },
    rerun: () => {
      const { scenarioId, variants, decisions, run } = get();
      return startRun(set, get, { scenarioId, variants, decisions, keepRun: run !== null });
    },
    answerPrompt: (decision) => {
      const state = get();
      const prompt = selectPendingPrompt(state);
      if (!prompt || prompt.prompt !== decision.prompt) return Promise.resolve();
      return startRun(set, get, {
        scenarioId: state.scenarioId,
        variants: state.variants,
        // A what-if that makes this answer wins over whatever was picked.
        decisions: [...state.decisions, prompt.preset?.decision ?? decision],
        keepRun: true,
        resume: { cursor: state.cursor, playing: state.playing },
      });
    },
  });

  const playback = (set: Set, get: Get): PlaybackSlice => ({
    cursor: -1,
    playing: false,
    speed: 1,
    stepForward: () => {
      stopTimer();
      const preset = selectPendingPrompt(get())?.preset;
      if (preset) {
        // At a prompt a what-if answers: Next gives that answer and reveals what follows.
        set({ playing: false });
        void get().answerPrompt(preset.decision);
        return;
      }
      const next = Math.min(get().cursor + 1, lastIndex(get));
      set({ cursor: Math.max(next, -1), playing: false, selectedStep: null });
    },
    stepBack: () => {
      stopTimer();
      set({ cursor: Math.max(get().cursor - 1, -1), playing: false, selectedStep: null });
    },
    play: () => {
      const { run, status, cursor } = get();
      if (!run || status !== 'ready') return;
      const last = lastIndex(get);
      if (run.pendingPrompt && cursor >= last) {
        // Waiting at a prompt: play mode goes on once the person (or the what-if) answers.
        stopTimer();
        set({ playing: true });
        answerPresetLater(set, get);
        return;
      }
      if (run.steps.length === 0) return;
      const next = cursor >= last ? 0 : cursor + 1;
      const more = next < last;
      const waiting = !more && run.pendingPrompt !== undefined;
      set({ cursor: next, playing: more || waiting, selectedStep: null });
      if (more) schedule(set, get);
      else if (waiting) answerPresetLater(set, get);
      else stopTimer();
    },
    pause: () => {
      stopTimer();
      set({ playing: false });
    },
    togglePlay: () => {
      if (get().playing) get().pause();
      else get().play();
    },
    reset: () => {
      stopTimer();
      set({ cursor: -1, playing: false, selectedStep: null });
      const { scenarioId, variants, decisions, run } = get();
      // The person's answers go too: run again up to the first prompt.
      if (decisions.length > 0) {
        void startRun(set, get, { scenarioId, variants, decisions: [], keepRun: run !== null });
      }
    },
    setSpeed: (speed) => {
      set({ speed });
      if (get().playing && get().cursor < lastIndex(get)) schedule(set, get);
    },
  });

  const inspector = (set: Set, get: Get): InspectorSlice => ({
    selectedStep: null,
    tab: 'narration',
    focusedToken: null,
    selectStep: (index) => {
      if (index === null || index < 0 || index > get().cursor) {
        set({ selectedStep: null, focusedToken: null });
        return;
      }
      set({ selectedStep: index, focusedToken: null });
    },
    selectTab: (tab) => set({ tab, focusedToken: null }),
    showToken: (token) => set({ tab: 'tokens', focusedToken: token }),
  });

  const layout = (set: Set, get: Get): LayoutSlice => ({
    positions: {},
    whatIfOpen: false,
    moveParty: (id, position) => set({ positions: { ...get().positions, [id]: position } }),
    setWhatIfOpen: (open) => set({ whatIfOpen: open }),
  });

  return createStore<AppState>()((set, get) => ({
    ...simulation(set, get),
    ...playback(set, get),
    ...inspector(set, get),
    ...layout(set, get),
  }));
}
