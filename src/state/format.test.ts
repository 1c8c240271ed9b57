// The screen's formatters: simulated clock times, relative times and durations.
import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatRelative } from './format';

describe('times', () => {
  it('formats relative times with at most two units', () => {
    expect(formatRelative(100, 100)).toBe('now');
    expect(formatRelative(145, 100)).toBe('in 45 s');
    expect(formatRelative(100, 280)).toBe('3 min ago');
    expect(formatRelative(100 + 3600 + 14 * 60 + 9, 100)).toBe('in 1 h 14 min');
    expect(formatRelative(0, 2 * 86400 + 3 * 3600)).toBe('2 d 3 h ago');
  });

  it('formats a simulated instant without loading the engine', () => {
    expect(formatClock(1772442003)).toEqual({
      iso: '2026-03-02T09:00:03Z',
      time: '09:00:03 UTC',
      date: '2026-03-02',
    });
  });

  it('formats seconds in their largest units', () => {
    expect(formatDuration(300)).toBe('5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(91 * 86400)).toBe('91 d');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });
});
