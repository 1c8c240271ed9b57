// Everything the inspector shows for one step, assembled from the other views and cached per run.
import type { ErrorCard, Narration, SimStep, SimulationRun } from '../../engine/wire';
import { buildEventNotes, type EventNote } from '../events';
import { formatClock, type ClockText } from '../format';
import { compareOboTokens, type TokenComparison } from './compare';
import { buildRequestView, buildResponseView, type RequestView, type ResponseView } from './http';
import { partyLabel } from './parties';
import { shortenLabel } from './timeline';
import { tokensInStep, type TokenRef } from './tokens';

/** Everything the inspector shows for one step. */
export interface StepDetail {
  step: SimStep;
  number: number;
  /** The step's label with a tenant id shortened to `{tenant}`. */
  shortLabel: string;
  fromLabel: string;
  toLabel: string;
  clock: ClockText;
  narration: Narration;
  error: ErrorCard | null;
  /** The step's trace events in plain words (consent, checks, reply URL, decisions). */
  events: EventNote[];
  request: RequestView;
  /** `null` for a request step (its response is a later step). */
  response: ResponseView | null;
  tokens: TokenRef[];
  comparison: TokenComparison | null;
}

const detailCache = new WeakMap<SimulationRun, Map<number, StepDetail>>();

/** The inspector's view of one step (cached per run and step). Returns `null` for an index out of range. */
export function buildStepDetail(run: SimulationRun, index: number): StepDetail | null {
  const step = run.steps[index];
  if (!step) return null;
  let perRun = detailCache.get(run);
  if (!perRun) {
    perRun = new Map();
    detailCache.set(run, perRun);
  }
  const cached = perRun.get(index);
  if (cached) return cached;
  const refs = tokensInStep(run, step);
  const detail: StepDetail = {
    step,
    number: index + 1,
    shortLabel: shortenLabel(step.label),
    fromLabel: partyLabel(run, step.from),
    toLabel: partyLabel(run, step.to),
    clock: formatClock(step.time),
    narration: step.narration,
    error: step.error ?? null,
    events: buildEventNotes(run, step),
    request: buildRequestView(run, step, refs),
    response:
      step.kind === 'response' && step.response
        ? buildResponseView(run, step, step.response, refs)
        : null,
    tokens: refs,
    comparison: compareOboTokens(run, step, refs),
  };
  perRun.set(index, detail);
  return detail;
}
