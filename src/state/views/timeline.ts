// Timeline rows (one per message, with token and decision chips) and the live region's sentence.
import type { PartyId, SimStep, SimulationRun, StepOutcome } from '../../engine/wire';
import { decisionChip } from '../events';
import { memoByRun } from './memo';
import { partyLabel } from './parties';
import { tokensInStep } from './tokens';

/** One row of the timeline. */
export interface TimelineRow {
  index: number;
  /** 1-based step number. */
  number: number;
  from: PartyId;
  to: PartyId;
  fromLabel: string;
  toLabel: string;
  kind: SimStep['kind'];
  /** The step's label as the engine wrote it. */
  label: string;
  /** The label with a tenant id path segment shortened to `{tenant}`, for the timeline. */
  shortLabel: string;
  outcome: StepOutcome;
  /** HTTP status of a response step. */
  status: number | null;
  /** Names of the tokens this message carries, e.g. `['token A']`. */
  chips: string[];
  /** The person's decision this message carries, e.g. `Ada: accepts`. */
  decision: string | null;
  /** The whole row as one sentence, e.g. `3. API A -> Authority: POST /token`. */
  text: string;
}

const TENANT_SEGMENT =
  /^([A-Z]+ )?\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//i;

/** Shortens `POST /<tenant guid>/oauth2/v2.0/token` to `POST /{tenant}/oauth2/v2.0/token`. */
export function shortenLabel(label: string): string {
  return label.replace(
    TENANT_SEGMENT,
    (_whole, method: string | undefined) => `${method ?? ''}/{tenant}/`,
  );
}

/** Timeline rows for every step of the run (the screen shows the revealed ones). */
export const buildTimeline = memoByRun((run: SimulationRun): TimelineRow[] =>
  run.steps.map((step) => {
    const fromLabel = partyLabel(run, step.from);
    const toLabel = partyLabel(run, step.to);
    const chips = tokensInStep(run, step)
      .filter((ref) => ref.message === step.kind)
      .map((ref) => ref.name);
    return {
      index: step.index,
      number: step.index + 1,
      from: step.from,
      to: step.to,
      fromLabel,
      toLabel,
      kind: step.kind,
      label: step.label,
      shortLabel: shortenLabel(step.label),
      outcome: step.outcome,
      status: step.kind === 'response' ? (step.response?.status ?? null) : null,
      chips,
      decision: decisionChip(run, step),
      text: `${String(step.index + 1)}. ${fromLabel} -> ${toLabel}: ${shortenLabel(step.label)}`,
    };
  }),
);

/** The sentence the live region announces when a step is revealed. */
export function announceStep(run: SimulationRun, index: number): string {
  const row = buildTimeline(run)[index];
  const step = run.steps[index];
  if (!row || !step) return 'Before step 1.';
  const carrying = row.chips.length > 0 ? ` carrying ${row.chips.join(' and ')}` : '';
  return `Step ${String(row.number)} of ${String(run.steps.length)}: ${row.fromLabel} to ${row.toLabel}, ${row.shortLabel}${carrying}. ${step.narration.title}`;
}
