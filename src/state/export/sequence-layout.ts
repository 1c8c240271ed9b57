// Layout of a run as a sequence diagram: lifelines, numbered arrows, notes and token chips, with
// text measured by a deterministic width estimate so that no two labels overlap.
import type { PartyId, PartyKind, SimStep, SimulationRun } from '../../engine/index';
import { buildTimeline, shortenLabel } from '../views';
import { decisionNote, errorNote, requestLabel, responseLabel } from './mermaid';
import {
  badgeLine,
  estimateTextWidth,
  lineHeight,
  placeLines,
  SEQUENCE_FONT,
  wrapText,
} from './sequence-text';
import type {
  SequenceArrow,
  SequenceChip,
  SequenceLayout,
  SequenceLifeline,
  SequenceNote,
  TextLine,
} from './sequence-types';

export * from './sequence-types';
export {
  estimateTextWidth,
  layoutTexts,
  SEQUENCE_FONT,
  SEQUENCE_FONT_FAMILY,
  wrapText,
} from './sequence-text';

// ---------------------------------------------------------------------------------------------
// Geometry

const MARGIN = 16;
const HEADER_MAX = 150;
const HEADER_PAD_X = 10;
const HEADER_PAD_Y = 7;
const MIN_GAP = 100;
const HEADER_SPACING = 20;
const LABEL_MAX = 220;
const LABEL_LINES = 3;
/** Room kept at each end of an arrow for the number badge and the arrowhead. */
const ARROW_CLEARANCE = 22;
const BADGE_R = 9;
const LABEL_TO_ARROW = 6;
const CHIP_HEIGHT = 17;
const CHIP_PAD_X = 6;
const CHIP_GAP = 6;
const CHIP_OFFSET = 5;
const ROW_GAP = 12;
const NOTE_MAX = 300;
const NOTE_LINES = 4;
const NOTE_PAD_X = 8;
const NOTE_PAD_Y = 5;
const SELF_LOOP = 30;
const SELF_LABEL_GAP = 10;
const HEAD_LENGTH = 9;
const HEAD_HALF = 4.5;

interface MessageText {
  step: SimStep;
  text: string;
  chips: string[];
  fromLabel: string;
  toLabel: string;
  wrapped: { lines: string[]; truncated: boolean };
  labelWidth: number;
  chipWidths: number[];
}

function messageText(step: SimStep): string {
  return shortenLabel(step.kind === 'request' ? requestLabel(step) : responseLabel(step));
}

function chipsWidth(widths: readonly number[]): number {
  return widths.length === 0
    ? 0
    : widths.reduce((a, b) => a + b, 0) + CHIP_GAP * (widths.length - 1);
}

/** The parties in canvas order, then any party a message names that the run does not list. */
function partyOrder(run: SimulationRun): { id: PartyId; label: string; kind: PartyKind | null }[] {
  const parties = run.parties.map((p) => ({
    id: p.id,
    label: p.label,
    kind: p.kind as PartyKind | null,
  }));
  const known = new Set(parties.map((p) => p.id));
  for (const step of run.steps) {
    for (const id of [step.from, step.to]) {
      if (known.has(id)) continue;
      known.add(id);
      parties.push({ id, label: id, kind: null });
    }
  }
  return parties;
}

/** The note text of the prompt a run waits at, e.g. `Waiting for Ada: consent prompt`. */
function promptNote(run: SimulationRun): string | null {
  const prompt = run.pendingPrompt;
  if (!prompt) return null;
  const names = { 'sign-in': 'sign-in', mfa: 'MFA', consent: 'consent', clock: 'clock' } as const;
  return `Waiting for ${prompt.userName}: ${names[prompt.prompt]} prompt`;
}

/**
 * Lays out steps `0..upTo` of `run` as a sequence diagram: one lifeline per party (canvas order,
 * i.e. the order of `run.parties`), one numbered arrow per HTTP message (requests solid, responses
 * dashed; a message to oneself is a loop), a note before a step that carries a person's decision
 * (`user.decided`), a note after an error step (`AADSTS65001 Consent missing`, over the party that
 * answered), and, when the run is drawn to its end and waits at a prompt, a note saying so. Token
 * chips (the names the inspector uses: `token A`, `ID token`) sit under their arrow.
 *
 * Widths come from {@link estimateTextWidth}: a label wraps (at most three lines, then an
 * ellipsis; the full text stays in {@link WrappedText.full}) and lifelines move apart until every
 * label and its chips fit between the lifelines they join, so no two texts overlap. Columns are
 * sized for the whole run, not just the steps drawn, so stepping through a run never moves them.
 * `upTo` is clamped to the run; -1 draws the lifelines only.
 */
export function layoutSequence(
  run: SimulationRun,
  upTo: number = run.steps.length - 1,
): SequenceLayout {
  const last = run.steps.length - 1;
  const end = Math.max(-1, Math.min(upTo, last));
  const timeline = buildTimeline(run);
  const parties = partyOrder(run);
  const column = new Map(parties.map((p, i) => [p.id, i]));
  const col = (id: PartyId): number => column.get(id) ?? 0;

  // Measure every message of the run (column widths must not change as steps are revealed).
  const messages: MessageText[] = run.steps.map((step, i) => {
    const text = messageText(step);
    const row = timeline[i];
    const chips = row?.chips ?? [];
    const wrapped = wrapText(text, LABEL_MAX, SEQUENCE_FONT.label, LABEL_LINES);
    return {
      step,
      text,
      chips,
      fromLabel: row?.fromLabel ?? step.from,
      toLabel: row?.toLabel ?? step.to,
      wrapped,
      labelWidth: Math.max(...wrapped.lines.map((l) => estimateTextWidth(l, SEQUENCE_FONT.label))),
      chipWidths: chips.map((c) => estimateTextWidth(c, SEQUENCE_FONT.chip, true) + 2 * CHIP_PAD_X),
    };
  });

  // Headers.
  const headerNames = parties.map((p) =>
    wrapText(p.label, HEADER_MAX, SEQUENCE_FONT.header, 2, true),
  );
  const headerWidths = headerNames.map(
    (name) =>
      Math.max(...name.lines.map((l) => estimateTextWidth(l, SEQUENCE_FONT.header, true))) +
      2 * HEADER_PAD_X,
  );
  const headerLines = Math.max(1, ...headerNames.map((n) => n.lines.length));
  const headerHeight = headerLines * lineHeight(SEQUENCE_FONT.header) + 2 * HEADER_PAD_Y;

  // Gaps between neighbouring lifelines: room for the headers, then for every message's label.
  const gaps = parties
    .slice(1)
    .map((_, i) =>
      Math.max(MIN_GAP, ((headerWidths[i] ?? 0) + (headerWidths[i + 1] ?? 0)) / 2 + HEADER_SPACING),
    );
  let rightExtra = 0;
  const needs = messages
    .map((m) => {
      const a = col(m.step.from);
      const b = col(m.step.to);
      const content = Math.max(m.labelWidth, chipsWidth(m.chipWidths));
      if (a === b)
        return { from: a, to: a + 1, need: SELF_LOOP + SELF_LABEL_GAP + content + MARGIN };
      return { from: Math.min(a, b), to: Math.max(a, b), need: content + 2 * ARROW_CLEARANCE };
    })
    .sort((p, q) => p.to - p.from - (q.to - q.from) || p.from - q.from);
  for (const { from, to, need } of needs) {
    if (to > gaps.length) {
      rightExtra = Math.max(rightExtra, need);
      continue;
    }
    const span = gaps.slice(from, to);
    const deficit = need - span.reduce((a, b) => a + b, 0);
    if (deficit <= 0) continue;
    const share = Math.ceil(deficit / span.length);
    for (let g = from; g < to; g += 1) gaps[g] = (gaps[g] ?? 0) + share;
  }

  // Lifeline positions; drawn once to find how far notes and headers reach left, then again
  // shifted so that nothing starts before the margin.
  const xs: number[] = [];
  let x = 0;
  for (let i = 0; i < parties.length; i += 1) {
    xs.push(x);
    x += gaps[i] ?? 0;
  }
  const lifelineTop = MARGIN + headerHeight;
  const draft = drawRows(run, messages, end, xs, col, lifelineTop);
  const lefts = [
    ...xs.map((px, i) => px - (headerWidths[i] ?? 0) / 2),
    ...draft.notes.map((n) => n.box.x),
  ];
  const dx = MARGIN - Math.min(...lefts);
  const shifted = xs.map((px) => px + dx);
  const { arrows, notes, bottom } = drawRows(run, messages, end, shifted, col, lifelineTop);
  const rights = [
    ...shifted.map((px, i) => px + (headerWidths[i] ?? 0) / 2),
    ...notes.map((n) => n.box.x + n.box.width),
    ...arrows.flatMap((a) => [
      ...a.label.lines.map((l) => l.box.x + l.box.width),
      ...a.chips.map((c) => c.box.x + c.box.width),
    ]),
    (shifted.at(-1) ?? 0) + rightExtra,
  ];
  const width = Math.ceil(Math.max(...rights) + MARGIN);
  const lifelineBottom = Math.max(bottom, lifelineTop + 40);
  const height = Math.ceil(lifelineBottom + MARGIN);

  const lifelines: SequenceLifeline[] = parties.map((party, i) => {
    const px = shifted[i] ?? 0;
    const w = headerWidths[i] ?? 0;
    const name = headerNames[i] ?? { lines: [party.label], truncated: false };
    const nameTop =
      MARGIN + (headerHeight - name.lines.length * lineHeight(SEQUENCE_FONT.header)) / 2;
    return {
      id: party.id,
      kind: party.kind,
      label: party.label,
      x: px,
      header: { x: px - w / 2, y: MARGIN, width: w, height: headerHeight },
      name: {
        lines: placeLines(name.lines, 'middle', px, nameTop, SEQUENCE_FONT.header, true),
        full: party.label,
        truncated: name.truncated,
      },
    };
  });

  return {
    width,
    height,
    title: run.title,
    upTo: end,
    lifelines,
    lifelineTop,
    lifelineBottom,
    arrows: arrows.map((arrow) => ({ ...arrow, row: { ...arrow.row, width } })),
    notes,
  };
}

/** Rows from the top of the lifelines down: notes and arrows of steps `0..end`. */
function drawRows(
  run: SimulationRun,
  messages: readonly MessageText[],
  end: number,
  xs: readonly number[],
  col: (id: PartyId) => number,
  lifelineTop: number,
): { arrows: SequenceArrow[]; notes: SequenceNote[]; bottom: number } {
  let y = lifelineTop + 14;
  const arrows: SequenceArrow[] = [];
  const notes: SequenceNote[] = [];
  const userParty = run.parties.find((p) => p.kind === 'user')?.id;

  const addNote = (
    kind: SequenceNote['kind'],
    step: number | null,
    party: PartyId,
    text: string,
  ): void => {
    const size = SEQUENCE_FONT.note;
    const wrapped = wrapText(text, NOTE_MAX - 2 * NOTE_PAD_X, size, NOTE_LINES);
    const textWidth = Math.max(...wrapped.lines.map((l) => estimateTextWidth(l, size)));
    const width = textWidth + 2 * NOTE_PAD_X;
    const height = wrapped.lines.length * lineHeight(size) + 2 * NOTE_PAD_Y;
    const cx = xs[col(party)] ?? 0;
    notes.push({
      kind,
      step,
      party,
      box: { x: cx - width / 2, y, width, height },
      text: {
        lines: placeLines(wrapped.lines, 'middle', cx, y + NOTE_PAD_Y, size),
        full: text,
        truncated: wrapped.truncated,
      },
    });
    y += height + ROW_GAP;
  };

  for (const message of messages.slice(0, end + 1)) {
    const { step } = message;
    for (const event of step.events) {
      if (event.type !== 'user.decided') continue;
      addNote('decision', step.index, userParty ?? step.from, decisionNote(event));
    }
    const arrow = drawArrow(message, xs[col(step.from)] ?? 0, xs[col(step.to)] ?? 0, y);
    arrows.push(arrow);
    y = arrow.row.y + arrow.row.height + ROW_GAP / 2;
    const error = errorNote(step);
    if (error) addNote('error', step.index, step.from, error);
  }
  const waiting = end === run.steps.length - 1 ? promptNote(run) : null;
  if (waiting) {
    const over = userParty ?? run.steps.at(-1)?.to ?? run.parties[0]?.id;
    if (over !== undefined) addNote('prompt', null, over, waiting);
  }
  return { arrows, notes, bottom: y };
}

/** One message's row starting at `top`: label, arrow (or loop), badge and chips. */
function drawArrow(message: MessageText, x1: number, to: number, top: number): SequenceArrow {
  const { step } = message;
  const self = step.from === step.to;
  const x2 = self ? x1 : to;
  const size = SEQUENCE_FONT.label;
  const labelLines = message.wrapped.lines.length;
  let y: number;
  let path: string;
  let head: string;
  let label: TextLine[];
  let chipLeft: number;
  let chipTop: number;
  let badge: SequenceArrow['badge'];
  if (self) {
    const loopTop = top + BADGE_R;
    y = loopTop + Math.max(labelLines * lineHeight(size), 2 * BADGE_R + 4);
    const right = x1 + SELF_LOOP;
    path = `M ${x1} ${loopTop} H ${right} V ${y} H ${x1 + HEAD_LENGTH}`;
    head = `${x1},${y} ${x1 + HEAD_LENGTH},${y - HEAD_HALF} ${x1 + HEAD_LENGTH},${y + HEAD_HALF}`;
    label = placeLines(message.wrapped.lines, 'start', right + SELF_LABEL_GAP, loopTop, size);
    chipLeft = right + SELF_LABEL_GAP;
    chipTop = y + CHIP_OFFSET;
    badge = { cx: x1, cy: loopTop, r: BADGE_R, line: badgeLine(step.index + 1, x1, loopTop) };
  } else {
    y = top + labelLines * lineHeight(size) + LABEL_TO_ARROW;
    const dir = x2 > x1 ? 1 : -1;
    const tip = x2 - dir;
    const base = tip - dir * HEAD_LENGTH;
    path = `M ${x1} ${y} H ${base}`;
    head = `${tip},${y} ${base},${y - HEAD_HALF} ${base},${y + HEAD_HALF}`;
    const cx = (x1 + x2) / 2;
    label = placeLines(message.wrapped.lines, 'middle', cx, top, size);
    chipLeft = cx - chipsWidth(message.chipWidths) / 2;
    // Below the badge, so a chip never touches the number.
    chipTop = y + BADGE_R + 1;
    badge = { cx: x1, cy: y, r: BADGE_R, line: badgeLine(step.index + 1, x1, y) };
  }
  const chips: SequenceChip[] = [];
  let chipX = chipLeft;
  message.chips.forEach((text, i) => {
    const width = message.chipWidths[i] ?? 0;
    const textTop = chipTop + (CHIP_HEIGHT - lineHeight(SEQUENCE_FONT.chip)) / 2;
    const [line] = placeLines(
      [text],
      'middle',
      chipX + width / 2,
      textTop,
      SEQUENCE_FONT.chip,
      true,
    );
    if (line) chips.push({ text, box: { x: chipX, y: chipTop, width, height: CHIP_HEIGHT }, line });
    chipX += width + CHIP_GAP;
  });
  const bottom = chips.length > 0 ? chipTop + CHIP_HEIGHT : y + BADGE_R;
  const chipText = message.chips.length > 0 ? ` ${message.chips.join(', ')}` : '';
  return {
    index: step.index,
    number: step.index + 1,
    kind: step.kind,
    outcome: step.outcome,
    from: step.from,
    to: step.to,
    fromLabel: message.fromLabel,
    toLabel: message.toLabel,
    text: message.text,
    accessibleName: `Step ${step.index + 1}: ${message.fromLabel} to ${message.toLabel}: ${message.text}${chipText}`,
    x1,
    x2,
    y,
    self,
    path,
    head,
    label: { lines: label, full: message.text, truncated: message.wrapped.truncated },
    badge,
    chips,
    row: { x: 0, y: top - ROW_GAP / 2, width: 0, height: bottom - top + ROW_GAP },
  };
}
