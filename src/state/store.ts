// The zustand store: four slices combined in one place, with the playback timer and run guard.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioDefinition, ScenarioId, UserDecision } from '../engine/index';
import { selectPendingPrompt, selectStepRange } from './selectors';
import type {
  AppState,
  InspectorSlice,
  InspectorTab,
  LayoutSlice,
  SessionSlice,
  PlaybackSlice,
  SimulationSlice,
  Speed,
  StoreDeps,
} from './types';
import { applyLinkWorld, scenarioToRun, selectWhatIfs, worldSlice } from './world/world-slice';
import { harSlice } from './har/har-slice';

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

  /** The last step playback may reveal (an embed's range may end before the run). */
  const lastIndex = (get: Get): number => selectStepRange(get()).last;
  /** The cursor before the first step playback plays (-1, or an embed's start). */
  const firstIndex = (get: Get): number => selectStepRange(get()).first;
  /** Whether the run's pending prompt is within reach (not cut off by an embed's range). */
  const promptInReach = (get: Get): boolean =>
    get().run?.pendingPrompt !== undefined && !selectStepRange(get()).clipped;

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
      const waiting = !more && promptInReach(get);
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
    /** From a link: the step and tab to show once the run lands, and the seed to run with. */
    target?: { step: number; tab: InspectorTab; seed: number };
  }

  const startRun = async (set: Set, get: Get, request: RunRequest): Promise<void> => {
    latestRequest += 1;
    const ticket = latestRequest;
    const { scenarioId, variants, decisions, keepRun, resume, target } = request;
    stopTimer();
    set({
      scenarioId,
      variants,
      decisions,
      ...(target ? { seed: target.seed } : {}),
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
      const scenario = scenarioToRun(get(), catalogue, scenarioId);
      if (!scenario) throw new Error(`Unknown scenario "${scenarioId}".`);
      const run = await deps.run(scenario, variants, get().seed, decisions);
      if (ticket !== latestRequest) return;
      if (target) {
        const last = run.steps.length - 1;
        if (target.step > last)
          get().notify(
            `The link points at step ${target.step + 1}, but this run has ${run.steps.length} steps${run.pendingPrompt ? ' before its next prompt' : ''}; showing the last one.`,
          );
        set({
          run,
          status: 'ready',
          decisions: run.decisions,
          cursor: Math.min(target.step, last),
          tab: target.tab,
        });
        return;
      }
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
    scenarioIndex: null,
    scenarioId: options.initialScenario ?? 'obo-secret',
    variants: [],
    seed: options.seed ?? 1,
    decisions: [],
    run: null,
    status: 'idle',
    error: null,
    loadScenario: (id) => {
      set({ world: null, worldName: null }); // a built-in scenario: the edited world closes
      return startRun(set, get, { scenarioId: id, variants: [], decisions: [], keepRun: false });
    },
    toggleVariant: (id) => {
      const { scenarioId, variants } = get();
      const order = selectWhatIfs(get()).whatIfs.map((v) => v.id);
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
    goToStep: (index) => {
      stopTimer();
      const cursor = Math.min(Math.max(index, firstIndex(get)), lastIndex(get));
      set({ cursor, playing: false, selectedStep: null });
    },
    stepBack: () => {
      stopTimer();
      set({
        cursor: Math.max(get().cursor - 1, firstIndex(get)),
        playing: false,
        selectedStep: null,
      });
    },
    play: () => {
      const { run, status, cursor } = get();
      if (!run || status !== 'ready') return;
      const last = lastIndex(get);
      if (promptInReach(get) && cursor >= last) {
        // Waiting at a prompt: play mode goes on once the person (or the what-if) answers.
        stopTimer();
        set({ playing: true });
        answerPresetLater(set, get);
        return;
      }
      if (run.steps.length === 0) return;
      const next = cursor >= last ? firstIndex(get) + 1 : cursor + 1;
      const more = next < last;
      const waiting = !more && promptInReach(get);
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
      set({ cursor: firstIndex(get), playing: false, selectedStep: null });
      const { scenarioId, variants, decisions, run, embed } = get();
      // The person's answers go too: run again up to the first prompt (an embed keeps the
      // answers its link carries: they are part of what it shows).
      if (decisions.length > 0 && !embed) {
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

  let noticeId = 0;
  const session = (set: Set, get: Get): SessionSlice => ({
    view: deps.viewPreference?.read() ?? 'canvas',
    embed: null,
    opening: false,
    notices: [],
    notify: (text) => {
      noticeId += 1;
      set({ notices: [...get().notices, { id: noticeId, text }] });
      return noticeId;
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    setView: (view) => {
      set({ view });
      // A docs page's embed does not change the person's own choice.
      if (!get().embed) deps.viewPreference?.write(view);
    },
    presenter: deps.presenterPreference?.read() ?? false,
    setPresenter: (on) => {
      set({ presenter: on });
      deps.presenterPreference?.write(on);
    },
    restoreState: async (link, problems = []) => {
      for (const problem of problems) get().notify(problem);
      set({ view: link.view, embed: link.embed ?? null });
      let catalogue: readonly ScenarioDefinition[];
      try {
        catalogue = get().catalogue ?? (await deps.loadCatalogue());
      } catch (error) {
        set({ status: 'error', error: describeError(error) });
        return;
      }
      await applyLinkWorld(set, get, link, catalogue);
      let scenario = catalogue.find((s) => s.id === link.scenario);
      if (!scenario) {
        scenario = catalogue.find((s) => s.id === (options.initialScenario ?? 'obo-secret'));
        get().notify(
          `The link names a scenario this version does not have ("${link.scenario}"); ${scenario?.title ?? 'the default scenario'} opened instead.`,
        );
      }
      if (!scenario) return;
      const known = scenario.variants.map((v) => v.id);
      const unknown = link.variants.filter((v) => !known.includes(v));
      if (unknown.length > 0)
        get().notify(
          `The link's what-if ${unknown.length === 1 ? 'switch' : 'switches'} ${unknown.map((v) => `"${v}"`).join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not exist in "${scenario.title}" and ${unknown.length === 1 ? 'was' : 'were'} left off.`,
        );
      const fits = scenario.id === link.scenario && unknown.length === 0;
      await startRun(set, get, {
        scenarioId: scenario.id,
        variants: known.filter((v) => link.variants.includes(v)),
        // Answers belong to the scenario and switches they were given for.
        decisions: fits ? link.decisions : [],
        keepRun: false,
        target: { step: fits ? link.step : -1, tab: link.tab, seed: link.seed },
      });
    },
  });

  return createStore<AppState>()((set, get) => ({
    ...simulation(set, get),
    ...playback(set, get),
    ...inspector(set, get),
    ...layout(set, get),
    ...session(set, get),
    ...worldSlice(set, get, (request) => startRun(set, get, request)),
    ...harSlice(set, get),
  }));
}
