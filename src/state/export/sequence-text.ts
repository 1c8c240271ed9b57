// Text measuring for the sequence diagram: a deterministic width estimate, wrapping and cutting.
import type { SequenceLayout, TextLine } from './sequence-types';

/**
 * The font the diagram is drawn in. Arial and its metric twins (Liberation Sans, Helvetica) are on
 * every desktop, so the width estimate matches what a reader sees.
 */
export const SEQUENCE_FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/** Font sizes (px) of each kind of text. */
export const SEQUENCE_FONT = {
  label: 13,
  header: 13,
  note: 12,
  chip: 11,
  badge: 11,
} as const;

// Advance widths of Arial / Helvetica, 1/1000 em, for the printable ASCII range 32..126.
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ... /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 ... ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ ... O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P ... _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` ... o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p ... ~
];

/** Bold glyphs are wider; the estimate errs on the wide side so a real font never overflows. */
const BOLD_FACTOR = 1.1;
const SAFETY = 1.08;

/**
 * The width of `text` at `size` px in {@link SEQUENCE_FONT_FAMILY}: the sum of Arial's advance
 * widths (any other character counts as 1 em), plus a margin. Deterministic: the same text always
 * measures the same, in a test or in any browser.
 */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (ASCII_WIDTHS[code - 32] ?? 1000) : 1000;
  }
  return Math.ceil((units / 1000) * size * SAFETY * (bold ? BOLD_FACTOR : 1));
}

/** Line height for a font size: the lines of a wrapped text never touch. */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.4);
}

/** Baseline offset of a line inside its line box (ascent 0.905 em, descent 0.212 em). */
export function baselineOffset(size: number): number {
  const height = lineHeight(size);
  return Math.round(((height - size * 1.117) / 2 + size * 0.905) * 10) / 10;
}

const ELLIPSIS = '…';

/** Splits text after spaces and URL punctuation, where a line may break. */
function breakPoints(text: string): string[] {
  return text.match(/[^\s/?&=:,-]*[\s/?&=:,-]*/g)?.filter((part) => part !== '') ?? [text];
}

/** Cuts `text` to fit `max` with an ellipsis. */
function cut(text: string, max: number, size: number, bold: boolean): string {
  let chars = [...text];
  while (chars.length > 0 && estimateTextWidth(chars.join('') + ELLIPSIS, size, bold) > max)
    chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + ELLIPSIS;
}

/**
 * Wraps `text` into at most `maxLines` lines no wider than `max` (by the estimate), breaking after
 * spaces and URL punctuation (inside a word only when it must); the last line ends with an
 * ellipsis when text is left out.
 */
export function wrapText(
  text: string,
  max: number,
  size: number,
  maxLines: number,
  bold = false,
): { lines: string[]; truncated: boolean } {
  const width = (s: string): number => estimateTextWidth(s, size, bold);
  const lines: string[] = [];
  let current = '';
  const pieces = breakPoints(text.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i] ?? '';
    if (width((current + piece).trimEnd()) <= max) {
      current += piece;
      continue;
    }
    if (current.trim() !== '') {
      lines.push(current.trimEnd());
      current = '';
    }
    if (width(piece.trimEnd()) <= max) {
      current = piece.trimStart();
      continue;
    }
    // A piece wider than a line: break it by characters.
    let rest = piece;
    while (width(rest.trimEnd()) > max) {
      const chars = [...rest];
      let take = 1;
      while (take < chars.length && width(chars.slice(0, take + 1).join('')) <= max) take += 1;
      lines.push(chars.slice(0, take).join(''));
      rest = chars.slice(take).join('');
    }
    current = rest;
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  kept[last] = cut(`${kept[last] ?? ''} ${lines[maxLines] ?? ''}`, max, size, bold);
  return { lines: kept, truncated: true };
}

/** Lays out wrapped lines centred on `cx` (or starting at `x` for `start`) from `top` down. */
export function placeLines(
  lines: readonly string[],
  anchor: TextLine['anchor'],
  x: number,
  top: number,
  size: number,
  bold = false,
): TextLine[] {
  const height = lineHeight(size);
  return lines.map((text, i) => {
    const width = estimateTextWidth(text, size, bold);
    const left = anchor === 'middle' ? x - width / 2 : x;
    return {
      text,
      x,
      y: top + i * height + baselineOffset(size),
      anchor,
      box: { x: left, y: top + i * height, width, height },
    };
  });
}

/** The text line of an arrow's number badge centred on (`cx`, `cy`). */
export function badgeLine(number: number, cx: number, cy: number): TextLine {
  const size = SEQUENCE_FONT.badge;
  const text = String(number);
  const width = estimateTextWidth(text, size, true);
  const height = lineHeight(size);
  return {
    text,
    x: cx,
    y: cy - height / 2 + baselineOffset(size),
    anchor: 'middle',
    box: { x: cx - width / 2, y: cy - height / 2, width, height },
  };
}

/** Every text of the layout with its box: headers, labels, badges, chips, notes (for tests). */
export function layoutTexts(layout: SequenceLayout): TextLine[] {
  return [
    ...layout.lifelines.flatMap((l) => l.name.lines),
    ...layout.arrows.flatMap((a) => [
      ...a.label.lines,
      a.badge.line,
      ...a.chips.map((c) => c.line),
    ]),
    ...layout.notes.flatMap((n) => n.text.lines),
  ];
}
