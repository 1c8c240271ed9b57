import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeScenarioFile,
  encodeScenarioFile,
  MAX_SCENARIO_FILE_BYTES,
  SCENARIO_FILE_FORMAT,
  scenarioFileName,
} from './scenario-file';
import { parseToyWorld, toyWorld } from './workspace.test-helpers';

const decode = (text: string, size?: number) => decodeScenarioFile(text, parseToyWorld, size);
const file = (fields: Record<string, unknown>) =>
  JSON.stringify({
    format: SCENARIO_FILE_FORMAT,
    version: 1,
    name: 'Mine',
    world: toyWorld(),
    ...fields,
  });
const problemsOf = (text: string, size?: number): string[] => {
  const result = decode(text, size);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
};

describe('scenario file', () => {
  it('round-trips a name and a world', () => {
    const text = encodeScenarioFile('My chain', toyWorld(3));
    expect(JSON.parse(text)).toMatchObject({ format: SCENARIO_FILE_FORMAT, version: 1 });
    expect(decode(text)).toEqual({ ok: true, name: 'My chain', world: toyWorld(3) });
  });

  it('reads a file with a byte order mark and a name with spaces around it', () => {
    expect(decode(`\uFEFF${file({ name: '  Spaced  ' })}`)).toMatchObject({
      ok: true,
      name: 'Spaced',
    });
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['a file of blanks', '  \n\t', 'The file is empty.'],
    [
      'text that is not JSON',
      'hello',
      /^The file is not JSON \((at line 1, column 1|it starts with "hello")\); a scenario file is the JSON/,
    ],
    [
      'JSON cut short',
      '{\n  "format": "x",\n  "world": {',
      /^The file is not JSON \(at line 3, column 13\)/,
    ],
    ['a JSON array', '[1, 2]', /^The file holds a JSON array, not a scenario file/],
    ['JSON null', 'null', /^The file holds a JSON null, not a scenario file/],
    ['a JSON number', '42', /^The file holds a JSON number, not a scenario file/],
    [
      'a HAR file',
      '{"log": {"version": "1.2", "entries": []}}',
      /^This is a HAR file, not a scenario file: use Import HAR file/,
    ],
    [
      'an object without format',
      '{"name": "x"}',
      'The file is not a scenario file: it has no "format" field (expected "oauth-flow-simulator/scenario").',
    ],
    [
      'another format',
      file({ format: 'oauth-flow-simulator/workspace' }),
      'The file is not a scenario file: its "format" is "oauth-flow-simulator/workspace" (expected "oauth-flow-simulator/scenario").',
    ],
    [
      'a newer version',
      file({ version: 2 }),
      'The file was written by a newer version of the app (scenario file version 2); this version reads version 1.',
    ],
    [
      'an older version',
      file({ version: 0 }),
      'The file is in the older scenario file version 0, which this version cannot read (it reads version 1).',
    ],
    ['a version that is text', file({ version: '1' }), 'The file\'s "version" is "1"; expected 1.'],
    ['no version', file({ version: undefined }), 'The file\'s "version" is missing; expected 1.'],
  ])('refuses %s with its own message', (_, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    if (typeof expected === 'string') expect(problems[0]).toBe(expected);
    else expect(problems[0]).toMatch(expected);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(problemsOf(file({}), MAX_SCENARIO_FILE_BYTES + 1)).toEqual([
      'The file is too large (2.0 MB); a scenario file is at most 2 MB.',
    ]);
    const big = file({ name: 'x'.repeat(MAX_SCENARIO_FILE_BYTES) });
    expect(problemsOf(big)[0]).toMatch(/^The file is too large/);
  });

  it('names each schema error with its path in the world, and a bad name', () => {
    const world = {
      tenant: '',
      parties: [
        { id: 'a', kind: 'client' },
        { id: 'b', kind: 'robot' },
      ],
    };
    const problems = problemsOf(file({ name: 7, world }));
    expect(problems[0]).toBe('name: expected a string, got 7.');
    expect(problems[1]).toMatch(
      /^The scenario in the file is not valid: world\.tenant: .*; world\.parties\[1\]\.kind: /,
    );
    expect(problemsOf(file({ name: ' ' }))).toEqual([
      'name: must be 1 to 100 characters (it has 0).',
    ]);
    expect(problemsOf(file({ world: undefined }))).toEqual([
      'world: missing; the file has no scenario in it.',
    ]);
  });

  it('never throws on any text, and a refusal always says why', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = decode(text);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(p.length).toBeGreaterThan(5);
          }
        },
      ),
    );
  });

  it('never throws when any field of a valid file is replaced by any JSON value', () => {
    const paths = [
      'format',
      'version',
      'name',
      'world',
      'world.tenant',
      'world.parties',
      'world.parties.0',
      'world.parties.0.kind',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const data = JSON.parse(encodeScenarioFile('Mine', toyWorld())) as Record<string, unknown>;
        const keys = path.split('.');
        let at: Record<string, unknown> = data;
        for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[keys.at(-1) ?? ''] = value;
        const result = decode(JSON.stringify(data));
        expect(result.ok || result.problems.length > 0).toBe(true);
        if (result.ok) expect(parseToyWorld(result.world).ok).toBe(true);
      }),
    );
  });

  it('round-trips any valid name and world', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() === s && s !== ''),
        fc.integer({ min: 0, max: 6 }),
        (name, n) => {
          expect(decode(encodeScenarioFile(name, toyWorld(n)))).toEqual({
            ok: true,
            name,
            world: toyWorld(n),
          });
        },
      ),
    );
  });

  it('makes file names from scenario names', () => {
    expect(scenarioFileName('My chain: SPA → Orders API')).toBe(
      'my-chain-spa-orders-api.scenario.json',
    );
    expect(scenarioFileName('Café')).toBe('cafe.scenario.json');
    expect(scenarioFileName('***')).toBe('scenario.scenario.json');
  });
});
