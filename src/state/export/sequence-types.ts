// Types of a laid-out sequence diagram: lifelines, arrows, chips, notes and text lines (CSS px).
import type { PartyId, PartyKind, SimStep, StepOutcome } from '../../engine/index';

/** A rectangle in diagram units (px at scale 1): `x`, `y` its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text: drawn with its baseline at `y`, anchored at `x` as `anchor` says. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle';
  /** Where the line sits, from the width estimate (used to prove labels never overlap). */
  box: Box;
}

/** A text that may be wrapped and cut: its lines, and the full text for a `<title>`. */
export interface WrappedText {
  lines: TextLine[];
  full: string;
  /** True when the lines leave part of `full` out (ending with an ellipsis). */
  truncated: boolean;
}

/** One party's lifeline: a header box with its name and a vertical line at `x`. */
export interface SequenceLifeline {
  id: PartyId;
  kind: PartyKind | null;
  label: string;
  x: number;
  header: Box;
  name: WrappedText;
}

/** A token chip drawn on an arrow, e.g. `token B`. */
export interface SequenceChip {
  text: string;
  box: Box;
  line: TextLine;
}

/** One HTTP message: an arrow from `x1` to `x2` at height `y` (or a loop when `self`). */
export interface SequenceArrow {
  /** Step index (0-based). */
  index: number;
  /** Step number as shown (1-based). */
  number: number;
  kind: SimStep['kind'];
  outcome: StepOutcome;
  from: PartyId;
  to: PartyId;
  fromLabel: string;
  toLabel: string;
  /** The message text, e.g. `POST /{tenant}/oauth2/v2.0/token (grant_type=...)` or `200 OK`. */
  text: string;
  /** A sentence for screen readers, e.g. `Step 5: Microsoft Entra ID to Todo API: 200 OK token B`. */
  accessibleName: string;
  x1: number;
  x2: number;
  y: number;
  /** A message a party sends to itself: drawn as a loop to the right of its lifeline. */
  self: boolean;
  /** The SVG path of the line (a straight line, or the loop of a self-call). */
  path: string;
  /** The arrowhead's three points, `x,y x,y x,y`. */
  head: string;
  label: WrappedText;
  /** The step number in a circle at the arrow's tail. */
  badge: { cx: number; cy: number; r: number; line: TextLine };
  chips: SequenceChip[];
  /** The whole row (for a highlight band and a click target). */
  row: Box;
}

/** A note: a person's decision, an error, or the prompt the run waits at. */
export interface SequenceNote {
  kind: 'decision' | 'error' | 'prompt';
  /** The step it belongs to (`null` for the pending prompt). */
  step: number | null;
  party: PartyId;
  box: Box;
  text: WrappedText;
}

/** The whole picture, in drawing order; every coordinate lies within `width` x `height`. */
export interface SequenceLayout {
  width: number;
  height: number;
  title: string;
  /** The last step drawn (-1 = none). */
  upTo: number;
  lifelines: SequenceLifeline[];
  /** Where the lifelines' vertical lines start and end. */
  lifelineTop: number;
  lifelineBottom: number;
  arrows: SequenceArrow[];
  notes: SequenceNote[];
}
