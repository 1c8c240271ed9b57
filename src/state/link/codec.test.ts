// The share-link codec: round trips, compactness, and the nearest valid state for any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { fromUint8Array } from 'js-base64';
import { decodeLinkFragment, encodeLinkState, LINK_KEY } from './codec';
import { DEFAULT_LINK_STATE } from './defaults';
import { LINK_TABS, LINK_THEMES, LINK_VIEWS, type LinkState } from './schema';

const decision = fc.oneof(
  fc.constant({ prompt: 'sign-in' as const }),
  fc.record({ prompt: fc.constant('mfa' as const), approve: fc.boolean() }),
  fc.record(
    {
      prompt: fc.constant('consent' as const),
      accept: fc.boolean(),
      forOrganization: fc.boolean(),
    },
    { requiredKeys: ['prompt', 'accept'] },
  ),
  fc.record({ prompt: fc.constant('clock' as const), seconds: fc.integer({ min: 0, max: 1e8 }) }),
);

const linkState: fc.Arbitrary<LinkState> = fc.record(
  {
    v: fc.constant(1 as const),
    scenario: fc.string({ minLength: 1, maxLength: 40 }),
    variants: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 8 }),
    decisions: fc.array(decision, { maxLength: 8 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    step: fc.integer({ min: -1, max: 999 }),
    tab: fc.constantFrom(...LINK_TABS),
    view: fc.constantFrom(...LINK_VIEWS),
    embed: fc.record(
      {
        from: fc.integer({ min: 0, max: 999 }),
        to: fc.integer({ min: 0, max: 999 }),
        locked: fc.boolean(),
        autoplay: fc.boolean(),
        theme: fc.constantFrom(...LINK_THEMES),
        picker: fc.boolean(),
        switches: fc.boolean(),
        origins: fc.array(
          fc.webUrl().map((u) => new URL(u).origin),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['locked', 'autoplay', 'theme', 'picker', 'switches', 'origins'] },
    ),
  },
  {
    requiredKeys: ['v', 'scenario', 'variants', 'decisions', 'seed', 'step', 'tab', 'view'],
  },
);

/** Encodes any JSON value the way a link would, to test hand-made or future links. */
function linkOf(value: unknown, key = LINK_KEY): string {
  return `#${key}=${fromUint8Array(deflateSync(strToU8(JSON.stringify(value))), true)}`;
}

const typical: LinkState = {
  v: 1,
  scenario: 'full-chain',
  variants: ['downstream-requires-mfa'],
  decisions: [
    { prompt: 'sign-in' },
    { prompt: 'consent', accept: true },
    { prompt: 'mfa', approve: true },
  ],
  seed: 1,
  step: 23,
  tab: 'tokens',
  view: 'sequence',
};

describe('link codec', () => {
  it('any state encodes and decodes to itself (property)', () => {
    fc.assert(
      fc.property(linkState, (state) => {
        expect(decodeLinkFragment(`#${encodeLinkState(state)}`)).toEqual({ state, problems: [] });
      }),
    );
  });

  it('a typical link is short, versioned and URL-safe', () => {
    const fragment = encodeLinkState(typical);
    expect(fragment).toMatch(/^s1=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(300);
    expect(encodeLinkState(typical)).toBe(fragment);
  });

  it('any string decodes to null or a valid state, never an exception (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#s1=${s}`),
        ),
        (text) => {
          const decoded = decodeLinkFragment(text);
          if (decoded === null) return;
          expect(decoded.state.v).toBe(1);
          expect(Array.isArray(decoded.problems)).toBe(true);
        },
      ),
    );
  });

  it('a fragment that is not a simulator link is ignored', () => {
    expect(decodeLinkFragment('')).toBeNull();
    expect(decodeLinkFragment('#')).toBeNull();
    expect(decodeLinkFragment('#section-2')).toBeNull();
  });

  it('a truncated link opens the default state with a message about cutting', () => {
    const fragment = encodeLinkState(typical);
    const decoded = decodeLinkFragment(`#${fragment.slice(0, fragment.length - 12)}`);
    expect(decoded?.state).toEqual(DEFAULT_LINK_STATE);
    expect(decoded?.problems[0]).toMatch(/incomplete or damaged/);
  });

  it('a newer version is named in the message', () => {
    expect(decodeLinkFragment('#s2=abc')?.problems[0]).toMatch(/newer version.*s2/);
    const future = decodeLinkFragment(linkOf({ ...typical, v: 3 }));
    expect(future?.problems[0]).toMatch(/newer version/);
    expect(future?.state.scenario).toBe('full-chain');
  });

  it('a hand-edited link keeps every field that is still right', () => {
    const edited = decodeLinkFragment(
      linkOf({
        ...typical,
        seed: -4,
        tab: 'secrets',
        decisions: [
          { prompt: 'sign-in' },
          { prompt: 'consent', accept: 'yes' },
          { prompt: 'mfa', approve: true },
        ],
      }),
    );
    expect(edited?.state).toEqual({
      ...typical,
      seed: DEFAULT_LINK_STATE.seed,
      tab: DEFAULT_LINK_STATE.tab,
      decisions: [{ prompt: 'sign-in' }],
    });
    expect(edited?.problems).toHaveLength(3);
    expect(edited?.problems.join(' ')).toMatch(/seed/);
    expect(edited?.problems.join(' ')).toMatch(/inspector tab/);
    expect(edited?.problems.join(' ')).toMatch(/first 1 of the 3 answers/);
  });

  it('refuses decompression bombs and foreign characters without throwing', () => {
    const bomb = linkOf({ ...typical, world: 'x'.repeat(2_000_000) });
    expect(decodeLinkFragment(bomb)?.problems[0]).toMatch(/incomplete or damaged/);
    expect(decodeLinkFragment('#s1=ab+c/d==')?.problems[0]).toMatch(/characters/);
    expect(decodeLinkFragment(linkOf([1, 2]))?.problems[0]).toMatch(/does not hold/);
  });
});
