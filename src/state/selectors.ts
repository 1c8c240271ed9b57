// Module-level selectors: each returns a small object the components read with useShallow.
import type { PendingPrompt } from '../engine/index';
import type { AppState } from './types';
import { selectScenarioIndex } from './catalogue';

/**
 * The prompt the person must answer now: the run stopped at it and every step before it is
 * revealed. `null` while a run (or an answer) is computing, or while steps remain to reveal.
 */
export function selectPendingPrompt(state: AppState): PendingPrompt | null {
  const { run, status, cursor } = state;
  if (!run?.pendingPrompt || status !== 'ready') return null;
  if (selectStepRange(state).clipped) return null;
  return cursor >= run.steps.length - 1 ? run.pendingPrompt : null;
}

/**
 * The steps playback may show: `first` is the cursor before the first step played (-1 = before
 * step 1), `last` the last index it may reveal. An embed's step range (`embed.from`/`to`, 0-based)
 * narrows them; `clipped` says the range ends before the run does (a prompt after it never shows).
 */
export function selectStepRange(state: AppState): {
  first: number;
  last: number;
  clipped: boolean;
} {
  const end = (state.run?.steps.length ?? 0) - 1;
  const from = state.embed?.from;
  const to = state.embed?.to;
  const first = from === undefined ? -1 : Math.min(Math.max(from - 1, -1), end);
  const last = to === undefined ? end : Math.max(Math.min(to, end), first);
  return { first, last, clipped: last < end };
}

/** Index of the step the inspector shows: the picked one, else the cursor (-1 = scenario intro). */
export function selectInspectedIndex(state: AppState): number {
  return state.selectedStep ?? state.cursor;
}

/** Header: scenario picker. */
export const selectScenarioPicker = (s: AppState) => ({
  scenarios: selectScenarioIndex(s),
  scenarioId: s.scenarioId,
  loadScenario: s.loadScenario,
  whatIfOpen: s.whatIfOpen,
  setWhatIfOpen: s.setWhatIfOpen,
  variantCount: s.variants.length,
});

/** "What if..." panel. */
export const selectVariantPanel = (s: AppState) => ({
  scenarios: selectScenarioIndex(s),
  scenarioId: s.scenarioId,
  variants: s.variants,
  busy: s.status === 'loading',
  toggleVariant: s.toggleVariant,
  whatIfOpen: s.whatIfOpen,
  setWhatIfOpen: s.setWhatIfOpen,
});

/** Step controls. */
export const selectPlayback = (s: AppState) => ({
  run: s.run,
  cursor: s.cursor,
  playing: s.playing,
  speed: s.speed,
  ready: s.status === 'ready' && s.run !== null,
  /** Whether the person has answered prompts (Reset forgets them). */
  answered: s.decisions.length > 0,
  prompt: selectPendingPrompt(s),
  /** First and last index playback may show (an embed's step range). */
  first: selectStepRange(s).first,
  last: selectStepRange(s).last,
  answerPrompt: s.answerPrompt,
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  togglePlay: s.togglePlay,
  reset: s.reset,
  setSpeed: s.setSpeed,
});

/** Prompt dialogs (sign in, MFA, consent, clock). */
export const selectPrompt = (s: AppState) => ({
  prompt: selectPendingPrompt(s),
  /** URL of the page the prompt is on (the last message's request). */
  pageUrl: s.run?.steps.at(-1)?.request.url ?? null,
  answerPrompt: s.answerPrompt,
  stepBack: s.stepBack,
});

/** Keyboard shortcuts. */
export const selectShortcuts = (s: AppState) => ({
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  togglePlay: s.togglePlay,
  reset: s.reset,
});

/** Canvas. */
export const selectCanvas = (s: AppState) => ({
  run: s.run,
  catalogue: s.catalogue,
  scenarioId: s.scenarioId,
  prompt: selectPendingPrompt(s),
  cursor: s.cursor,
  speed: s.speed,
  positions: s.positions,
  moveParty: s.moveParty,
});

/** Timeline. */
export const selectTimeline = (s: AppState) => ({
  run: s.run,
  cursor: s.cursor,
  prompt: selectPendingPrompt(s),
  answerPrompt: s.answerPrompt,
  inspected: selectInspectedIndex(s),
  selectStep: s.selectStep,
});

/** Inspector. */
export const selectInspector = (s: AppState) => ({
  catalogue: s.catalogue,
  run: s.run,
  scenarioId: s.scenarioId,
  inspected: selectInspectedIndex(s),
  following: s.selectedStep === null,
  tab: s.tab,
  focusedToken: s.focusedToken,
  selectTab: s.selectTab,
  selectStep: s.selectStep,
  showToken: s.showToken,
});

/** Run status for loading and error messages. */
export const selectRunStatus = (s: AppState) => ({
  status: s.status,
  error: s.error,
  hasRun: s.run !== null,
  rerun: s.rerun,
  scenarioId: s.scenarioId,
});

/** Live region: the run and the cursor. */
export const selectAnnouncement = (s: AppState) => ({ run: s.run, cursor: s.cursor });
