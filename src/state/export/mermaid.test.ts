// Mermaid export: parsed by Mermaid 11 and by Mermaid 8.14 (what older wikis run), labels round-trip.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import mermaid from 'mermaid';
import type { SimulationRun } from '../../engine/index';
import { allRuns, type NamedRun } from './all-runs.test-support';
import { escapeMermaidText, toMermaidSequence } from './mermaid';

/** The parts of Mermaid 8.14's API the test uses (the package ships no types). */
interface LegacyMermaid {
  parse(text: string): { parser: { yy: MermaidDb } };
}

/** The sequence diagram database both versions fill while parsing. */
interface MermaidDb {
  getMessages(): { from?: string; to?: string; message: unknown; type: number }[];
  getActors(): Record<string, { description: string }> | Map<string, { description: string }>;
}

let legacy: LegacyMermaid;
let legacyDb: MermaidDb & { clear(): void };
let runs: NamedRun[];

beforeAll(async () => {
  // A variable specifier: the npm alias has no types, the test declares the part it uses.
  const specifier = 'mermaid-v8';
  legacy = ((await import(/* @vite-ignore */ specifier)) as { default: LegacyMermaid }).default;
  // Mermaid 8 keeps one database and clears it only when rendering.
  legacyDb = legacy.parse('sequenceDiagram\n  A->>B: x\n').parser.yy as typeof legacyDb;
  runs = await allRuns();
});

/**
 * What Mermaid's renderer does before parsing (`encodeEntities`, run by `render` in 8.x and by
 * `parse` too since 10): entity codes become placeholder characters the lexer does not split on.
 */
function encodeEntitiesLikeMermaid(text: string): string {
  return text.replace(/#(\w+);/g, (_, inner: string) =>
    /^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`,
  );
}

/** Mermaid's placeholders back to the characters a reader sees in the rendered diagram. */
function decodePlaceholders(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Parses with Mermaid 11 and returns its database. Throws what Mermaid throws. */
async function parseCurrent(text: string): Promise<MermaidDb> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as MermaidDb;
}

/** Parses with Mermaid 8.14 the way its renderer does. Throws what Mermaid throws. */
function parseLegacy(text: string): MermaidDb {
  legacyDb.clear();
  return legacy.parse(encodeEntitiesLikeMermaid(text)).parser.yy;
}

/** Signals (arrows and notes) as `from>to:text` lines, decoded; the autonumber marker left out. */
function signals(db: MermaidDb): string[] {
  return db
    .getMessages()
    .filter((message) => typeof message.message === 'string')
    .map((m) => `${m.from ?? ''}>${m.to ?? ''}:${decodePlaceholders(String(m.message))}`);
}

/** Arrows only (Mermaid line types 0 = `->>` and 1 = `-->>`), as `from>to:text`. */
function arrows(db: MermaidDb): string[] {
  return db
    .getMessages()
    .filter((m) => m.type === 0 || m.type === 1)
    .map((m) => `${m.from ?? ''}>${m.to ?? ''}:${decodePlaceholders(String(m.message))}`);
}

function actorNames(db: MermaidDb): string[] {
  const actors = db.getActors();
  const values = actors instanceof Map ? [...actors.values()] : Object.values(actors);
  return values.map((actor) => decodePlaceholders(actor.description));
}

/** The arrows the run should draw, built from the steps independently of the exporter. */
function expectedArrows(run: SimulationRun, ids: Map<string, string>): string[] {
  return run.steps.map((step) => {
    const path = new URL(step.request.url).pathname;
    const text =
      step.kind === 'request'
        ? `${step.request.method} ${path}`
        : `${String(step.response?.status)} ${step.response?.statusText ?? ''}`.trim();
    return `${ids.get(step.from) ?? '?'}>${ids.get(step.to) ?? '?'}:${text}`;
  });
}

describe('toMermaidSequence', () => {
  it('a raw ";" or "#" in a label breaks the diagram (what the escaping prevents)', async () => {
    const raw = 'sequenceDiagram\n  participant P1 as A\n  P1->>P1: GET /a;b\n';
    await expect(mermaid.parse(raw)).rejects.toThrow(/Parse error/);
    expect(() => parseLegacy(raw)).toThrow();
    // `#` without a `;` starts a comment: the parser accepts it and silently cuts the label.
    const hash = 'sequenceDiagram\n  participant P1 as A\n  P1->>P1: GET /a#b\n';
    expect(signals(await parseCurrent(hash))).toEqual(['P1>P1:GET /a']);
    const escaped = `sequenceDiagram\n  participant P1 as A\n  P1->>P1: ${escapeMermaidText('GET /a;b#c')}\n`;
    expect(signals(await parseCurrent(escaped))).toEqual(['P1>P1:GET /a;b#c']);
  });

  it('parses with Mermaid 11 and 8.14 for every scenario and what-if, arrows in step order', async () => {
    for (const { name, run } of runs) {
      const text = toMermaidSequence(run);
      const ids = new Map(run.parties.map((party, i) => [party.id, `P${String(i + 1)}`]));
      const expected = expectedArrows(run, ids);
      for (const db of [await parseCurrent(text), parseLegacy(text)]) {
        const drawn = arrows(db);
        expect(drawn, name).toHaveLength(expected.length);
        drawn.forEach((line, i) => expect(line.startsWith(expected[i] ?? '-'), line).toBe(true));
        expect(actorNames(db), name).toEqual(run.parties.map((party) => party.label));
      }
      expect(text, name).not.toMatch(/\bbox\b|\bcritical\b|\bpar\b|\brect\b/);
    }
  });

  it('shows decisions and errors as notes, and never a query string', async () => {
    const consent = runs.find((r) => r.name === 'obo-secret--consent-missing')?.run;
    const signIn = runs.find((r) => r.name === 'full-chain')?.run;
    expect(consent && signIn).toBeTruthy();
    if (!consent || !signIn) return;
    const consentLines = signals(await parseCurrent(toMermaidSequence(consent)));
    expect(consentLines).toContain('P4>P4:AADSTS65001 Consent missing');
    expect(consentLines).toContain(
      'P2>P2:AADSTS65001 Todo API (API A) could not call downstream: Consent missing',
    );
    const signInText = toMermaidSequence(signIn);
    const signInLines = signals(await parseCurrent(signInText));
    expect(signInLines).toContain('P1>P1:Sign-in prompt: signs in with a password');
    expect(signInLines).toContain('P1>P1:Consent prompt: accepts');
    for (const step of signIn.steps) {
      const query = new URL(step.request.url).search;
      if (query.length > 1) expect(signInText).not.toContain(escapeMermaidText(query));
    }
    expect(signInText).not.toMatch(/code=|client_secret/);
  });

  it('shows the run so far: steps 0..upTo', async () => {
    const run = runs.find((r) => r.name === 'full-chain')?.run;
    if (!run) throw new Error('full-chain is missing');
    for (let upTo = -1; upTo < run.steps.length; upTo += 1) {
      expect(arrows(await parseCurrent(toMermaidSequence(run, upTo)))).toHaveLength(upTo + 1);
    }
  });

  it('any party name and error title survive escaping in both versions', async () => {
    const base = runs.find((r) => r.name === 'obo-secret--consent-missing')?.run;
    if (!base) throw new Error('obo-secret--consent-missing is missing');
    // Mostly the characters Mermaid's lexer cares about, plus any code point.
    const unit = fc.oneof(
      fc.constantFrom(...';#:%<>&,@"\'`{}[]|\\-+>()\n\t wrap:style'.split('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, text, async (label, title) => {
        const run: SimulationRun = structuredClone(base);
        const [first] = run.parties;
        const failing = run.steps.find((step) => step.error);
        if (!first || !failing?.error) throw new Error('fixture changed');
        first.label = label;
        failing.error.code = undefined;
        failing.error.error = undefined;
        failing.error.title = title;
        const diagram = toMermaidSequence(run);
        const normalise = (value: string): string => value.replace(/\s+/g, ' ').trim();
        for (const db of [await parseCurrent(diagram), parseLegacy(diagram)]) {
          expect(actorNames(db)[0]).toBe(normalise(label) || first.id);
          const note = normalise(title) || 'Error';
          expect(signals(db).some((line) => line.endsWith(`:${note}`))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
