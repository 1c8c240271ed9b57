// curl export: bash commands are executed by bash with `curl` replaced by an argv printer;
// PowerShell commands are read back by a reference tokenizer of PowerShell's quoting rules.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HttpRequest } from '../../engine/index';
import { allRuns, type NamedRun } from './all-runs.test-support';
import { curlArguments, quoteBash, quotePowerShell, toCurl } from './curl';

let runs: NamedRun[];
beforeAll(async () => {
  runs = await allRuns();
});

/** Ends the output of one command (an argument no generated command holds). */
const END = 'END-OF-CURL-ARGUMENTS';

/**
 * Runs `commands` in bash (script on stdin) with `curl` defined as a function that prints its
 * arguments NUL-separated, then {@link END}. UTF-8 locale, as a terminal has: `$'\u0085'` needs it.
 */
function runInBash(commands: string[]): string[][] {
  const script = [
    `curl() { printf '%s\\0' "$@" ${END}; }`,
    ...commands.map((command) => `${command}\n`),
  ].join('\n');
  const result = spawnSync('bash', ['-s'], {
    input: script,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8' },
  });
  if (result.status !== 0) throw new Error(`bash failed: ${result.stderr}`);
  const records: string[][] = [[]];
  for (const arg of result.stdout.split('\0').slice(0, -1)) {
    if (arg === END) records.push([]);
    else records.at(-1)?.push(arg);
  }
  return records.slice(0, -1);
}

/** What curl makes of its URL argument: a backslash before `[]{}` is dropped (curl's globbing). */
function unglob(url: string): string {
  return url.replace(/\\([[\]{}])/g, '$1');
}

/** The argv curl should get for `request`, flags and values flattened. */
function expectedArgv(request: HttpRequest): string[] {
  return curlArguments(request).flatMap(({ flag, value }) => (flag ? [flag, value] : [value]));
}

/** Characters shells and quoting care about, mixed with any code point (no NUL: argv cannot hold it). */
const unit = fc.oneof(
  fc.constantFrom(...`'"\`$!%\\\n\r\t ;&|<>(){}[]*?#~^@‘’‚‛“”„\u0085\u007f\u0001\u001b`.split('')),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 1 })
    .filter((char) => char !== '\0' && !/[\ud800-\udfff]/.test(char)),
);
const text = fc.string({ unit, maxLength: 30 });
const request: fc.Arbitrary<HttpRequest> = fc.record({
  method: fc.constantFrom('GET' as const, 'POST' as const),
  url: text.map((t) => `https://login.example/tenant/oauth2/token?x=${t}`),
  headers: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), text, {
    maxKeys: 3,
  }),
  body: fc.option(text, { nil: undefined }),
});

/**
 * A reference tokenizer of the PowerShell syntax the exporter writes (about_Quoting_Rules,
 * about_Parsing): words are separated by spaces; a backtick before a newline continues the line;
 * a single-quoted string is verbatim up to a quote not followed by another quote, where a quote is
 * any of `'` U+2018 U+2019 U+201A U+201B and a doubled quote stands for one; a bare word is taken
 * as it is and must not hold anything PowerShell would expand or parse (`$`, backtick, quotes,
 * `@`, `(){}`, `;|&<>,#`). Anything else is an error, so a mistake in the quoting shows.
 */
function tokenizePowerShell(command: string): string[] {
  const quotes = "'\u2018\u2019\u201a\u201b";
  const words: string[] = [];
  let i = 0;
  while (i < command.length) {
    const char = command.charAt(i);
    if (char === ' ' || char === '\t') i += 1;
    else if (char === '`' && command[i + 1] === '\n') i += 2;
    else if (char !== '' && quotes.includes(char)) {
      let word = '';
      i += 1;
      for (;;) {
        if (i >= command.length) throw new Error('unterminated string');
        const c = command.charAt(i);
        if (c !== '' && quotes.includes(c)) {
          const after = command.charAt(i + 1);
          if (after === '' || !quotes.includes(after)) break;
          word += command.charAt(i + 1);
          i += 2;
        } else {
          word += c;
          i += 1;
        }
      }
      i += 1;
      const next = command.charAt(i);
      if (next && next !== ' ' && next !== '\n') throw new Error(`text after a string: ${next}`);
      words.push(word);
    } else {
      const end = command.slice(i).search(/[ \n]|$/);
      const word = command.slice(i, i + end);
      if (/[$`"'\u2018-\u201e@(){};|&<>,#]/.test(word)) throw new Error(`unsafe bare word ${word}`);
      words.push(word);
      i += end;
    }
  }
  return words;
}

describe('toCurl (bash)', () => {
  it('naive single quoting fails the bash check (the check can fail)', () => {
    const naive = `curl 'it's'`;
    expect(() => runInBash([naive])).toThrow();
    expect(runInBash([`curl ${quoteBash("it's $HOME `id` \\n!")}`])).toEqual([
      ["it's $HOME `id` \\n!"],
    ]);
  });

  it('follows Chrome: $-quoting only for control characters and !, -X only when needed', () => {
    expect(quoteBash("a'b")).toBe(`'a'\\''b'`);
    expect(quoteBash('a\nb!')).toBe(`$'a\\nb\\u0021'`);
    expect(quoteBash('a\nb')).toBe(`$'a\\nb'`);
    expect(quoteBash('\u0085\u0001é')).toBe(`$'\\u0085\\u0001é'`);
    expect(
      toCurl(
        { method: 'POST', url: 'https://h/p?a=[1]', headers: { A: 'b', E: '' }, body: 'x=1' },
        'bash',
      ),
    ).toBe(`curl 'https://h/p?a=\\[1\\]' \\\n  -H 'A: b' \\\n  -H 'E;' \\\n  --data-raw 'x=1'`);
    expect(toCurl({ method: 'POST', url: 'https://h/', headers: {} }, 'bash')).toBe(
      `curl 'https://h/' \\\n  -X 'POST'`,
    );
  });

  it('bash reads back exactly the URL, method, headers and body of any request', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 10 }), (requests) => {
        const commands = requests.map((r) => toCurl(r, 'bash'));
        const syntax = spawnSync('bash', ['-n', '-s'], {
          input: commands.join('\n'),
          encoding: 'utf8',
        });
        expect(syntax.status, syntax.stderr).toBe(0);
        const argvs = runInBash(commands);
        expect(argvs).toHaveLength(requests.length);
        requests.forEach((r, i) => {
          const [url = '', ...rest] = argvs[i] ?? [];
          expect([unglob(url), ...rest]).toEqual(expectedArgv(r));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('every request of every scenario and what-if round-trips through bash', () => {
    const requests = runs.flatMap(({ run }) =>
      run.steps.filter((step) => step.kind === 'request').map((step) => step.request),
    );
    const argvs = runInBash(requests.map((r) => toCurl(r, 'bash')));
    requests.forEach((r, i) => {
      const [url = '', ...rest] = argvs[i] ?? [];
      expect([unglob(url), ...rest]).toEqual(expectedArgv(r));
    });
  });
});

describe('toCurl (PowerShell)', () => {
  it('the reference tokenizer rejects naive quoting (the check can fail)', () => {
    expect(() => tokenizePowerShell(`curl.exe 'don’t'`)).toThrow();
    expect(() => tokenizePowerShell(`curl.exe $HOME`)).toThrow();
    expect(tokenizePowerShell(`curl.exe ${quotePowerShell('don’t ‘x‛ it\'s $a `b "c"')}`)).toEqual([
      'curl.exe',
      'don’t ‘x‛ it\'s $a `b "c"',
    ]);
  });

  it('writes curl.exe, doubled quotes and backtick line continuations', () => {
    expect(
      toCurl(
        { method: 'GET', url: 'https://h/p', headers: { Authorization: "Bearer a'b" } },
        'powershell',
      ),
    ).toBe(`curl.exe 'https://h/p' \`\n  -H 'Authorization: Bearer a''b'`);
  });

  it('PowerShell reads back exactly the URL, method, headers and body of any request', () => {
    fc.assert(
      fc.property(request, (r) => {
        const [program, url = '', ...rest] = tokenizePowerShell(toCurl(r, 'powershell'));
        expect(program).toBe('curl.exe');
        expect([unglob(url), ...rest]).toEqual(expectedArgv(r));
      }),
      { numRuns: 500 },
    );
  });
});
