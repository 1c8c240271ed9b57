// Export of a run as a standalone SVG sequence diagram (the picture the sequence view draws).
import type { SimulationRun, StepOutcome } from '../../engine/index';
import {
  SEQUENCE_FONT,
  SEQUENCE_FONT_FAMILY,
  layoutSequence,
  type SequenceLayout,
  type SequenceNote,
  type TextLine,
  type WrappedText,
} from './sequence-layout';

/**
 * The colours of an exported diagram, as CSS colour strings (`#1d4ed8`, `rgb(...)`). The app
 * resolves them from its theme tokens ({@link SEQUENCE_COLOUR_TOKENS}) so that the picture looks
 * like the screen, light or dark, and stays self-contained.
 */
export interface SequenceColours {
  background: string;
  text: string;
  textMuted: string;
  headerBackground: string;
  headerBorder: string;
  lifeline: string;
  /** Arrows by outcome: requests, 2xx, redirects (and the person's part), errors. */
  request: string;
  ok: string;
  redirect: string;
  error: string;
  /** Notes of the person's decisions and of the prompt the run waits at. */
  noteBackground: string;
  noteBorder: string;
  noteText: string;
  errorNoteBackground: string;
  errorNoteBorder: string;
  errorNoteText: string;
  chipBackground: string;
  chipText: string;
  /** The step number on its coloured badge. */
  badgeText: string;
}

/** The theme token (CSS custom property in src/ui/theme.css) each colour is read from. */
export const SEQUENCE_COLOUR_TOKENS: Readonly<Record<keyof SequenceColours, `--${string}`>> = {
  background: '--surface',
  text: '--text',
  textMuted: '--text-muted',
  headerBackground: '--surface-muted',
  headerBorder: '--border-strong',
  lifeline: '--border-strong',
  request: '--outcome-request',
  ok: '--outcome-ok',
  redirect: '--outcome-redirect',
  error: '--outcome-error',
  noteBackground: '--outcome-redirect-bg',
  noteBorder: '--outcome-redirect-border',
  noteText: '--outcome-redirect-text',
  errorNoteBackground: '--outcome-error-bg',
  errorNoteBorder: '--outcome-error-border',
  errorNoteText: '--outcome-error-text',
  chipBackground: '--token-chip-bg',
  chipText: '--token-chip-text',
  badgeText: '--text-on-accent',
};

/** Options of {@link toSequenceSvg}. */
export interface SequenceSvgOptions {
  colours: SequenceColours;
}

/** The colour of an arrow of this outcome. */
export function outcomeColour(colours: SequenceColours, outcome: StepOutcome): string {
  switch (outcome) {
    case 'request':
      return colours.request;
    case 'success':
      return colours.ok;
    case 'redirect':
      return colours.redirect;
    case 'error':
      return colours.error;
  }
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attributes from a record (values escaped, numbers rounded to 0.1). */
function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => {
      const text = typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;
      return ` ${name}="${escapeXml(text)}"`;
    })
    .join('');
}

function textLines(
  lines: readonly TextLine[],
  size: number,
  fill: string,
  weight?: string,
): string {
  return lines
    .map(
      (line) =>
        `<text${attrs({
          x: line.x,
          y: line.y,
          'text-anchor': line.anchor,
          'font-size': size,
          'font-weight': weight,
          fill,
        })}>${escapeXml(line.text)}</text>`,
    )
    .join('');
}

function titled(text: WrappedText): string {
  return `<title>${escapeXml(text.full)}</title>`;
}

function noteColours(
  colours: SequenceColours,
  kind: SequenceNote['kind'],
): { fill: string; stroke: string; text: string } {
  return kind === 'error'
    ? {
        fill: colours.errorNoteBackground,
        stroke: colours.errorNoteBorder,
        text: colours.errorNoteText,
      }
    : { fill: colours.noteBackground, stroke: colours.noteBorder, text: colours.noteText };
}

/** The diagram's description for screen readers and the `<title>`. */
export function describeSequence(layout: SequenceLayout): string {
  const steps = layout.arrows.length;
  return `Sequence diagram of "${layout.title}": ${layout.lifelines.length} parties, ${steps} ${steps === 1 ? 'message' : 'messages'}`;
}

/** Renders a layout as SVG markup (see {@link toSequenceSvg}). */
export function sequenceLayoutToSvg(layout: SequenceLayout, options: SequenceSvgOptions): string {
  const { colours } = options;
  const description = describeSequence(layout);
  const out: string[] = [];
  out.push(
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'img',
      'aria-label': description,
      'font-family': SEQUENCE_FONT_FAMILY,
    })}>`,
    `<title>${escapeXml(description)}</title>`,
    `<rect${attrs({ x: 0, y: 0, width: layout.width, height: layout.height, fill: colours.background })}/>`,
  );
  for (const line of layout.lifelines) {
    out.push(
      `<g class="lifeline">${titled(line.name)}<line${attrs({
        x1: line.x,
        y1: layout.lifelineTop,
        x2: line.x,
        y2: layout.lifelineBottom,
        stroke: colours.lifeline,
        'stroke-width': 1,
        'stroke-dasharray': '4 4',
      })}/><rect${attrs({
        ...line.header,
        rx: 6,
        fill: colours.headerBackground,
        stroke: colours.headerBorder,
      })}/>${textLines(line.name.lines, SEQUENCE_FONT.header, colours.text, 'bold')}</g>`,
    );
  }
  for (const note of layout.notes) {
    const c = noteColours(colours, note.kind);
    out.push(
      `<g class="note note-${note.kind}">${titled(note.text)}<rect${attrs({
        ...note.box,
        rx: 4,
        fill: c.fill,
        stroke: c.stroke,
      })}/>${textLines(note.text.lines, SEQUENCE_FONT.note, c.text)}</g>`,
    );
  }
  for (const arrow of layout.arrows) {
    const colour = outcomeColour(colours, arrow.outcome);
    out.push(
      `<g class="message outcome-${arrow.outcome}">`,
      `<title>${escapeXml(arrow.accessibleName)}</title>`,
      `<path${attrs({
        d: arrow.path,
        fill: 'none',
        stroke: colour,
        'stroke-width': 1.6,
        'stroke-dasharray': arrow.kind === 'response' ? '6 4' : undefined,
      })}/>`,
      `<polygon${attrs({ points: arrow.head, fill: colour })}/>`,
      textLines(arrow.label.lines, SEQUENCE_FONT.label, colours.text),
      `<circle${attrs({ cx: arrow.badge.cx, cy: arrow.badge.cy, r: arrow.badge.r, fill: colour })}/>`,
      textLines([arrow.badge.line], SEQUENCE_FONT.badge, colours.badgeText, 'bold'),
      ...arrow.chips.map(
        (chip) =>
          `<rect${attrs({ ...chip.box, rx: chip.box.height / 2, fill: colours.chipBackground })}/>${textLines(
            [chip.line],
            SEQUENCE_FONT.chip,
            colours.chipText,
            '600',
          )}`,
      ),
      '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * Steps `0..upTo` of `run` (default: all; clamped; -1 = the parties only) as a standalone SVG
 * document: `xmlns`, `role="img"`, an `aria-label` and `<title>` describing it, a `<title>` on every
 * message, party and note with its full text, and colours from `options.colours` written inline
 * (no stylesheet, no CSS variables), so the file looks the same wherever it is opened. The layout
 * is {@link layoutSequence}'s, the one the sequence view draws.
 */
export function toSequenceSvg(
  run: SimulationRun,
  upTo: number | undefined,
  options: SequenceSvgOptions,
): string {
  return sequenceLayoutToSvg(layoutSequence(run, upTo), options);
}
