import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWorkspaceRecord } from './record';
import { toWorkspaceRecord, WORKSPACE_FORMAT, type SavedScenario } from './types';
import { parseToyWorld, toyWorld, type ToyWorld } from './workspace.test-helpers';

const entry = (name: string, id = name.toLowerCase()): SavedScenario<ToyWorld> => ({
  id,
  name,
  savedAt: 1_700_000_000_000,
  world: toyWorld(),
});

const read = (raw: unknown) => readWorkspaceRecord(raw, parseToyWorld);

describe('readWorkspaceRecord', () => {
  it('reads nothing stored as an empty workspace, without a message', () => {
    expect(read(undefined)).toEqual({ entries: [], dropped: [], changed: false, message: null });
  });

  it('reads back exactly what toWorkspaceRecord wrote', () => {
    const entries = [entry('Alpha'), entry('Beta')];
    const result = read(toWorkspaceRecord(entries));
    expect(result).toEqual({ entries, dropped: [], changed: false, message: null });
  });

  it.each([['junk'], [42], [null], [[1, 2]], [true]])(
    'detects a store that is not a record (%j): nothing kept, the person told',
    (raw) => {
      const result = read(raw);
      expect(result.entries).toEqual([]);
      expect(result.changed).toBe(true);
      expect(result.message).toMatch(/^Your saved scenarios could not be read/);
    },
  );

  it('keeps the readable entries and names each dropped one with the path of its problem', () => {
    const bad = {
      ...entry('Broken chain'),
      world: { tenant: 'x', parties: [{ id: 'a', kind: 'robot' }] },
    };
    const raw = {
      ...toWorkspaceRecord([entry('Alpha')]),
      entries: [entry('Alpha'), bad, { id: 'x', savedAt: 1 }, entry('Gamma')],
    };
    const result = read(raw);
    expect(result.entries.map((e) => e.name)).toEqual(['Alpha', 'Gamma']);
    expect(result.changed).toBe(true);
    expect(result.dropped).toHaveLength(2);
    expect(result.dropped[0]).toMatch(/^"Broken chain": world\.parties\[0\]\.kind: /);
    expect(result.dropped[1]).toMatch(/^entry 3 \(no readable name\): name: /);
    expect(result.message).toContain(
      'Saved scenarios: 4 saved scenarios, 2 could not be read and were dropped',
    );
    expect(result.message).toContain('2 saved scenarios were kept');
  });

  it('detects an older version and keeps the entries that still read', () => {
    const raw = {
      format: WORKSPACE_FORMAT,
      version: 0,
      entries: [entry('Old one'), { name: 'Older' }],
    };
    const result = read(raw);
    expect(result.entries.map((e) => e.name)).toEqual(['Old one']);
    expect(result.changed).toBe(true);
    expect(result.message).toContain('older format version 0 (this version reads 1)');
    expect(result.message).toContain('"Older": ');
  });

  it('detects a newer version and a wrong format', () => {
    expect(read({ format: WORKSPACE_FORMAT, version: 3, entries: [] }).message).toContain(
      'written by a newer version of the app (format version 3',
    );
    const wrong = read({ format: 'something-else', version: 1, entries: [entry('A')] });
    expect(wrong.message).toContain('not marked as saved scenarios (format "something-else")');
    expect(wrong.entries).toHaveLength(1);
    expect(read({ format: WORKSPACE_FORMAT, version: 1 }).message).toContain(
      'it holds no list of saved scenarios',
    );
  });

  it('repairs duplicate ids and names instead of dropping them', () => {
    const raw = toWorkspaceRecord([entry('Same', 'id1'), entry('Same', 'id1')]);
    const result = read(raw);
    expect(result.entries.map((e) => e.name)).toEqual(['Same', 'Same (2)']);
    expect(new Set(result.entries.map((e) => e.id)).size).toBe(2);
    expect(result.changed).toBe(true);
  });

  it('never throws, and keeps only entries whose world parses (any stored value)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            format: fc.constantFrom(WORKSPACE_FORMAT, 'x'),
            version: fc.oneof(fc.constant(1), fc.integer()),
            entries: fc.array(fc.oneof(fc.anything(), fc.constant(entry('Ok')))),
          }),
        ),
        (raw) => {
          const result = read(raw);
          for (const e of result.entries) expect(parseToyWorld(e.world).ok).toBe(true);
          expect(new Set(result.entries.map((e) => e.name)).size).toBe(result.entries.length);
          if (result.dropped.length > 0) expect(result.message).not.toBeNull();
        },
      ),
    );
  });

  it('round-trips any list of valid entries with unique names', () => {
    const arbEntry = fc.record({
      id: fc.uuid(),
      name: fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() === s && s !== ''),
      savedAt: fc.nat(),
      world: fc.record({
        tenant: fc.string({ minLength: 1 }),
        parties: fc.array(
          fc.record({
            id: fc.string({ minLength: 1 }),
            kind: fc.constantFrom('client' as const, 'api' as const, 'authority' as const),
          }),
        ),
      }),
    });
    fc.assert(
      fc.property(
        fc
          .uniqueArray(arbEntry, { selector: (e) => e.name, maxLength: 8 })
          .filter((es) => new Set(es.map((e) => e.id)).size === es.length),
        (entries) => {
          const result = read(toWorkspaceRecord(entries));
          expect(result.entries).toEqual(entries);
          expect(result.changed).toBe(false);
        },
      ),
    );
  });
});
