// Small formatters for the screen: simulated clock times, relative times and claim values.
import { formatIsoSeconds } from '../engine/wire';

/** A simulated instant shown three ways: ISO 8601, the clock time and the date (UTC). */
export interface ClockText {
  iso: string;
  time: string;
  date: string;
}

/** Formats epoch seconds of the simulated clock, e.g. `{ time: '09:00:03 UTC', date: '2026-03-02' }`. */
export function formatClock(epochSeconds: number): ClockText {
  const iso = formatIsoSeconds(epochSeconds);
  return { iso, time: `${iso.slice(11, 19)} UTC`, date: iso.slice(0, 10) };
}

const UNITS: readonly [label: string, seconds: number][] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
];

/**
 * Formats `target - now` (seconds) as a relative time with at most two units:
 * `in 1 h 14 min`, `3 min ago`, `now`.
 */
export function formatRelative(target: number, now: number): string {
  const delta = Math.round(target - now);
  if (delta === 0) return 'now';
  const text = formatDuration(Math.abs(delta));
  return delta > 0 ? `in ${text}` : `${text} ago`;
}

/** A claim or parameter value as one line of text: strings as written, the rest as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

/** Pretty-prints JSON text with two-space indentation; returns `null` when it is not JSON. */
export function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return null;
  }
}

/** A duration in seconds in its largest whole units: `2 h`, `5 min`, `91 d`, `1 h 30 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const [label, size] of UNITS) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      parts.push(`${amount} ${label}`);
      rest -= amount * size;
    } else if (parts.length > 0) {
      break;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
