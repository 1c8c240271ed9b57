// Sequence diagram export: well-formed SVG for every scenario and what-if, one arrow per step, no
// two texts overlapping (by the layout's own boxes), the longest run fits.
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { loadEngine } from '../engine-loader';
import { allRuns, type NamedRun } from './all-runs.test-support';
import {
  estimateTextWidth,
  layoutSequence,
  layoutTexts,
  wrapText,
  type Box,
} from './sequence-layout';
import { toSequenceSvg, type SequenceColours } from './sequence-svg';

const COLOURS: SequenceColours = {
  background: '#fff',
  text: '#0f172a',
  textMuted: '#475569',
  headerBackground: '#f6f8fb',
  headerBorder: '#94a3b8',
  lifeline: '#94a3b8',
  request: '#1d4ed8',
  ok: '#15803d',
  redirect: '#b45309',
  error: '#b91c1c',
  noteBackground: '#fef3c7',
  noteBorder: '#f59e0b',
  noteText: '#78350f',
  errorNoteBackground: '#fee2e2',
  errorNoteBorder: '#fca5a5',
  errorNoteText: '#7f1d1d',
  chipBackground: '#e0e7ff',
  chipText: '#312e81',
  badgeText: '#fff',
};

const SVG_NS = 'http://www.w3.org/2000/svg';

let runs: NamedRun[];

beforeAll(async () => {
  // Token names come from the view builders, which (in some versions) read the loaded engine.
  await loadEngine();
  runs = await allRuns();
});

/** Parses XML, failing on any warning or error. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, width: number, height: number): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

describe('toSequenceSvg', () => {
  it('is well-formed SVG with one arrow per step for every scenario and what-if', () => {
    expect(runs.length).toBeGreaterThan(20);
    for (const { name, run } of runs) {
      const svg = toSequenceSvg(run, undefined, { colours: COLOURS });
      const doc = parseXml(svg);
      const root = doc.documentElement;
      expect(root.namespaceURI, name).toBe(SVG_NS);
      expect(root.getAttribute('role')).toBe('img');
      expect(root.getAttribute('aria-label')).toContain(run.title);
      expect(root.getElementsByTagName('title')[0]?.textContent).toContain(run.title);
      const messages = Array.from(root.getElementsByTagName('g')).filter((g) =>
        g.getAttribute('class')?.startsWith('message '),
      );
      expect(messages.length, name).toBe(run.steps.length);
      messages.forEach((g, i) => {
        const title = g.getElementsByTagName('title')[0]?.textContent ?? '';
        expect(title.startsWith(`Step ${i + 1}: `), `${name} ${title}`).toBe(true);
        expect(g.getElementsByTagName('path').length).toBe(1);
      });
      // Self-contained: no CSS variables, no external references.
      expect(svg).not.toMatch(/var\(--|href=|<style/);
    }
  });

  it('places no two texts over each other and keeps every text inside the picture', () => {
    for (const { name, run } of runs) {
      const layout = layoutSequence(run);
      const texts = layoutTexts(layout);
      for (const text of texts) {
        expect(inside(text.box, layout.width, layout.height), `${name}: ${text.text}`).toBe(true);
      }
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          const a = texts[i];
          const b = texts[j];
          if (!a || !b) continue;
          expect(overlaps(a.box, b.box), `${name}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
      // Notes and chips do not cover each other or another arrow's label either.
      const boxes = [
        ...layout.notes.map((n) => n.box),
        ...layout.arrows.flatMap((a) => a.chips.map((c) => c.box)),
      ];
      for (let i = 0; i < boxes.length; i += 1)
        for (let j = i + 1; j < boxes.length; j += 1)
          expect(overlaps(boxes[i] as Box, boxes[j] as Box), name).toBe(false);
    }
  });

  it('fits the longest run: every message drawn, labels within their arrows', () => {
    const longest = runs.reduce((a, b) => (b.run.steps.length > a.run.steps.length ? b : a));
    expect(longest.run.steps.length).toBeGreaterThanOrEqual(30);
    const layout = layoutSequence(longest.run);
    expect(layout.arrows).toHaveLength(longest.run.steps.length);
    for (const arrow of layout.arrows) {
      if (arrow.self) continue;
      const left = Math.min(arrow.x1, arrow.x2);
      const right = Math.max(arrow.x1, arrow.x2);
      for (const line of arrow.label.lines) {
        expect(line.box.x).toBeGreaterThan(left + arrow.badge.r);
        expect(line.box.x + line.box.width).toBeLessThan(right - arrow.badge.r);
      }
    }
    expect(layout.width).toBeLessThan(2000);
  });

  it('draws steps 0..upTo, notes decisions and errors, and the prompt the run waits at', () => {
    const consent = runs.find((r) =>
      r.run.steps.some((s) => s.events.some((e) => e.type === 'user.decided')),
    );
    const failing = runs.find((r) => r.run.steps.some((s) => s.error?.code !== undefined));
    if (!consent || !failing)
      throw new Error('expected a run with a decision and one with an error');
    expect(layoutSequence(consent.run, -1).arrows).toHaveLength(0);
    expect(layoutSequence(consent.run, 2).arrows).toHaveLength(3);
    expect(layoutSequence(consent.run, 999).arrows).toHaveLength(consent.run.steps.length);
    const decisions = layoutSequence(consent.run).notes.filter((n) => n.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions[0]?.text.full).toMatch(/prompt: /);
    const error = failing.run.steps.find((s) => s.error?.code !== undefined);
    const notes = layoutSequence(failing.run).notes.filter((n) => n.kind === 'error');
    expect(notes.map((n) => n.text.full)).toContain(
      `AADSTS${String(error?.error?.code)} ${error?.error?.title ?? ''}`,
    );
    // Stopped at the first prompt: a note says the run waits for the person.
    const waiting = {
      ...consent.run,
      pendingPrompt: {
        prompt: 'sign-in',
        appName: 'App',
        userName: 'Ada Lovelace',
        userPrincipalName: 'ada@contoso.example',
      },
    } as typeof consent.run;
    const last = layoutSequence(waiting).notes.at(-1);
    expect(last?.kind).toBe('prompt');
    expect(last?.text.full).toBe('Waiting for Ada Lovelace: sign-in prompt');
    expect(layoutSequence(waiting, 0).notes.some((n) => n.kind === 'prompt')).toBe(false);
  });

  it('keeps columns still while stepping (sized for the whole run)', () => {
    const { run } = runs[0] as NamedRun;
    const xs = (upTo: number) => layoutSequence(run, upTo).lifelines.map((l) => l.x);
    expect(xs(0)).toEqual(xs(run.steps.length - 1));
  });

  it('escapes text and names arrows with their step, parties, message and tokens', () => {
    const { run } = runs.find((r) => r.name === 'obo-secret') as NamedRun;
    const tricky = {
      ...run,
      title: 'A <b> & "c"',
      parties: run.parties.map((p, i) => (i === 0 ? { ...p, label: `<script>&'` } : p)),
    };
    const svg = toSequenceSvg(tricky, undefined, { colours: COLOURS });
    parseXml(svg);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<script>');
    const layout = layoutSequence(run);
    const withToken = layout.arrows.find((a) => a.chips.length > 0 && a.kind === 'response');
    expect(withToken?.accessibleName).toMatch(/^Step \d+: .+ to .+: \d{3} .+ token [A-Z]/);
  });
});

describe('text measurement', () => {
  it('is deterministic and grows with the text', () => {
    expect(estimateTextWidth('POST /token', 13)).toBe(estimateTextWidth('POST /token', 13));
    expect(estimateTextWidth('WWW', 13)).toBeGreaterThan(estimateTextWidth('iii', 13));
    expect(estimateTextWidth('abc', 13, true)).toBeGreaterThan(estimateTextWidth('abc', 13));
  });

  it('wraps at URL punctuation and cuts with an ellipsis', () => {
    const long =
      'POST /{tenant}/oauth2/v2.0/token (grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer)';
    const { lines, truncated } = wrapText(long, 200, 13, 5);
    expect(truncated).toBe(false);
    expect(lines.join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(200);
    const cut = wrapText(long, 80, 13, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]?.endsWith('…')).toBe(true);
  });
});
