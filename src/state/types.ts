// The store's shape: the simulation, playback, inspector and layout slices and their actions.
import type { ScenarioSummary } from './catalogue';
import type { EmbedOptions, LinkState } from './link/schema';
import type { WorldSlice } from './world/world-slice';
import type { HarSlice } from './har/har-slice';
import type {
  PartyId,
  ScenarioDefinition,
  ScenarioId,
  SimulationRun,
  UserDecision,
} from '../engine/index';

/** Playback speeds offered by the speed control. */
export type Speed = 0.5 | 1 | 2;

/** All speeds, slowest first. */
export const SPEEDS: readonly Speed[] = [0.5, 1, 2];

/** Inspector tabs shown for a step. */
export type InspectorTab = 'narration' | 'request' | 'response' | 'tokens';

/** Lifecycle of the current run. */
export type RunStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the store needs from the engine and the scenario catalogue (injectable for tests). */
export interface StoreDeps {
  /** Loads the scenario catalogue (with the engine it needs). */
  loadCatalogue: () => Promise<readonly ScenarioDefinition[]>;
  /**
   * Runs a scenario with the given variant switches, seed and the person's decisions so far
   * (consumed in order at prompts; the run stops at the first prompt they do not answer).
   */
  run: (
    scenario: ScenarioDefinition,
    variants: string[],
    seed: number,
    decisions: UserDecision[],
  ) => Promise<SimulationRun>;
  /**
   * Resolves once the screen has had a chance to paint (the parties drawn from the scenario
   * definition) before the first run takes the main thread. Optional; tests leave it out.
   */
  yieldToPaint?: () => Promise<void>;
  /** Where the person's choice of main view is remembered (optional; tests leave it out). */
  viewPreference?: ViewPreference;
  /** Where the person's Presenter mode switch is remembered (optional; tests leave it out). */
  presenterPreference?: PresenterPreference;
}

/** Reads and writes the person's Presenter mode switch (e.g. in localStorage); never throws. */
export interface PresenterPreference {
  /** Whether Presenter mode was left on (`false` when unknown or storage is unavailable). */
  read: () => boolean;
  write: (on: boolean) => void;
}

/** The main views: the React Flow canvas or the sequence diagram. */
export type MainView = LinkState['view'];

/** Reads and writes the person's choice of main view (e.g. in localStorage); never throws. */
export interface ViewPreference {
  /** The remembered view, or `null` when none is (or storage is unavailable). */
  read: () => MainView | null;
  write: (view: MainView) => void;
}

/** Scenario, variant switches, seed and the run they produced. */
export interface SimulationSlice {
  /** Every scenario, once the catalogue chunk has loaded (`null` before). */
  catalogue: readonly ScenarioDefinition[] | null;
  /**
   * What the screen lists of every scenario before the catalogue has loaded: the prerendered
   * first screen's (state/first-screen.ts), else `null`. Read it through `selectScenarioIndex`,
   * which prefers the loaded catalogue.
   */
  scenarioIndex: readonly ScenarioSummary[] | null;
  scenarioId: ScenarioId;
  /** Enabled variant ids, in the order the scenario lists them. */
  variants: string[];
  seed: number;
  /**
   * The person's answers to prompts (sign in, MFA, consent, clock) for the loaded scenario and
   * variants, in the order given. Cleared when the scenario or a variant changes and on Reset.
   */
  decisions: UserDecision[];
  run: SimulationRun | null;
  status: RunStatus;
  /** A readable message when the engine failed. */
  error: string | null;
  /** Loads a scenario with no variants and runs it; playback starts before step 1. */
  loadScenario: (id: ScenarioId) => Promise<void>;
  /** Flips one what-if switch, re-runs the flow and resets playback to the start. */
  toggleVariant: (id: string) => Promise<void>;
  /** Runs the current scenario and switches again (after an error). */
  rerun: () => Promise<void>;
  /**
   * Answers the prompt the run is waiting at: appends `decision`, re-runs (the revealed prefix is
   * identical by determinism) and reveals the next new step; playback goes on if it was playing.
   * Ignored when no prompt is showing, the decision is for another prompt, or an answer is
   * already on its way. When an enabled what-if makes this answer (`prompt.preset`), its answer is
   * used instead of `decision`; while playing, such a prompt is answered by itself after one step.
   */
  answerPrompt: (decision: UserDecision) => Promise<void>;
}

/** Which steps are revealed and how playback moves. */
export interface PlaybackSlice {
  /** Index of the last revealed step; -1 = before step 1. */
  cursor: number;
  /**
   * Play mode. Stays on while playback waits at a prompt (no timer runs then); the answer
   * resumes it.
   */
  playing: boolean;
  speed: Speed;
  /**
   * Reveals the next step (pauses autoplay). At a prompt whose answer a what-if makes, gives that
   * answer instead (see `PendingPrompt.preset`).
   */
  stepForward: () => void;
  /** Shows step `index` (0-based, -1 = before step 1), clamped to what playback may show; pauses. */
  goToStep: (index: number) => void;
  /** Hides the last revealed step (pauses autoplay). */
  stepBack: () => void;
  /** Plays from the cursor (from the start when at the end), one step per animation. */
  play: () => void;
  pause: () => void;
  /** Play when paused, pause when playing. */
  togglePlay: () => void;
  /**
   * Back to before step 1. Forgets the person's answers: the flow re-runs up to its first prompt.
   */
  reset: () => void;
  setSpeed: (speed: Speed) => void;
}

/** What the inspector shows. */
export interface InspectorSlice {
  /** Step the user picked in the timeline; `null` follows the cursor. */
  selectedStep: number | null;
  tab: InspectorTab;
  /** A token the user asked to see decoded (scrolled into view on the Tokens tab). */
  focusedToken: string | null;
  /** Selects a revealed step for the inspector (`null` = follow the cursor). */
  selectStep: (index: number | null) => void;
  selectTab: (tab: InspectorTab) => void;
  /** Opens the Tokens tab on one token. */
  showToken: (token: string) => void;
}

/** Canvas positions the user dragged, and panel visibility on small screens. */
export interface LayoutSlice {
  /** Party positions moved by the user, overriding the scenario layout. */
  positions: Record<PartyId, { x: number; y: number }>;
  /** Whether the "What if..." panel is open when the screen is too narrow to show it always. */
  whatIfOpen: boolean;
  moveParty: (id: PartyId, position: { x: number; y: number }) => void;
  setWhatIfOpen: (open: boolean) => void;
}

/** A dismissible message for the person, e.g. what a shared link could not restore. */
export interface Notice {
  id: number;
  text: string;
}

/** What the screen shows beyond the run: the main view, the embed options, and messages. */
export interface SessionSlice {
  /**
   * The main view: the canvas or the sequence diagram. Starts as the remembered choice
   * (`StoreDeps.viewPreference`), unless a link names one.
   */
  view: MainView;
  /** Set when the app runs as an embedded player (from the link). */
  embed: EmbedOptions | null;
  /** True while a link in the URL is being decoded and restored (the screen waits for it). */
  opening: boolean;
  notices: Notice[];
  /**
   * Restores a state from a link: checks the scenario and what-if ids against the catalogue
   * (unknown ones fall back, each with a notice, as do `problems` found while decoding), runs the
   * flow with the link's answers and seed, then shows its step (clamped to the run) and tab.
   */
  restoreState: (link: LinkState, problems?: readonly string[]) => Promise<void>;
  /** Adds a notice (returns its id). */
  notify: (text: string) => number;
  dismissNotice: (id: number) => void;
  /** Shows the canvas or the sequence diagram, and remembers the choice (not in an embed). */
  setView: (view: MainView) => void;
  /**
   * Presenter mode (projector layout, larger type, speaker notes, audience window). Starts as the
   * remembered switch (`StoreDeps.presenterPreference`); never on in an embed.
   */
  presenter: boolean;
  /** Turns Presenter mode on or off and remembers it. */
  setPresenter: (on: boolean) => void;
}

/** The whole store. */
export type AppState = SimulationSlice &
  PlaybackSlice &
  InspectorSlice &
  LayoutSlice &
  SessionSlice &
  WorldSlice &
  HarSlice;
