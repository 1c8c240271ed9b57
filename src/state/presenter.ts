// Presenter mode's views of the store: the speaker notes, the next step's preview and the outcome.
import type { SimulationRun } from '../engine/index';
import { selectPendingPrompt, selectStepRange } from './selectors';
import type { AppState } from './types';
import { buildTimeline } from './views';

/** What the person answers at each prompt, for the "Next:" line. */
const PROMPT_NEXT: Record<string, string> = {
  'sign-in': 'the user signs in',
  mfa: 'the user answers the MFA prompt',
  consent: 'the user answers the consent prompt',
  clock: 'choose how much time passes',
};

/**
 * The line that previews what comes after step `cursor` (0-based, -1 = before step 1), e.g.
 * `Next: Step 6: Microsoft Entra ID → Todo API (API A): 200 OK`; at a prompt, what the person does
 * there; after the last step, `Next: the end of the flow`.
 */
export function nextStepPreview(
  run: SimulationRun | null,
  cursor: number,
  last = (run?.steps.length ?? 0) - 1,
): string {
  if (!run) return 'Next: the flow is still running…';
  const row = cursor < last ? buildTimeline(run)[cursor + 1] : undefined;
  if (row)
    return `Next: Step ${String(row.number)}: ${row.fromLabel} → ${row.toLabel}: ${row.shortLabel}`;
  if (run.pendingPrompt && last === run.steps.length - 1)
    return `Next: ${PROMPT_NEXT[run.pendingPrompt.prompt] ?? 'the user answers the prompt'}`;
  return 'Next: the end of the flow';
}

/** Presenter mode: the switch, and what the speaker notes panel shows. */
export const selectPresenter = (s: AppState) => {
  const { last } = selectStepRange(s);
  const step = s.run && s.cursor >= 0 ? (s.run.steps[s.cursor] ?? null) : null;
  const ended =
    s.status === 'ready' && s.run !== null && s.cursor >= last && selectPendingPrompt(s) === null;
  return {
    presenter: s.presenter && s.embed === null,
    setPresenter: s.setPresenter,
    setWhatIfOpen: s.setWhatIfOpen,
    run: s.run,
    cursor: s.cursor,
    total: s.run?.steps.length ?? 0,
    notes: step?.narration ?? null,
    next: nextStepPreview(s.run, s.cursor, last),
    /** The run's result once its last step is showing (and no prompt waits). */
    outcome: ended && s.run ? s.run.result : null,
  };
};
