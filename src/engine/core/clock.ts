// The simulated clock: all engine time is epoch seconds read from here, never from the host.

/** A mutable simulated clock. `now` is Unix time in **seconds** (the unit of JWT `iat`/`exp`). */
export interface SimClock {
  now: number;
}

/** Creates a clock that starts at `startEpochSeconds` (integer seconds since 1970-01-01T00:00:00Z). */
export function createClock(startEpochSeconds: number): SimClock {
  return { now: Math.floor(startEpochSeconds) };
}

/** Moves the clock forward by `seconds` (negative values are ignored: simulated time never runs back). */
export function advanceClock(clock: SimClock, seconds: number): void {
  if (seconds > 0) clock.now += Math.floor(seconds);
}

/** Formats epoch seconds as the platform's error timestamp `yyyy-MM-dd HH:mm:ssZ` (UTC). */
export function formatAadTimestamp(epochSeconds: number): string {
  if (!isRepresentableTime(epochSeconds)) return String(epochSeconds);
  const iso = new Date(epochSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

/** Formats epoch seconds as ISO 8601 UTC without milliseconds, e.g. `2026-03-02T09:00:00Z`. */
export function formatIsoSeconds(epochSeconds: number): string {
  if (!isRepresentableTime(epochSeconds)) return String(epochSeconds);
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Whether epoch seconds fit the ECMAScript time range (+-8.64e12 s), so they can be formatted. */
export function isRepresentableTime(epochSeconds: number): boolean {
  return Number.isFinite(epochSeconds) && Math.abs(epochSeconds) <= 8.64e12;
}
