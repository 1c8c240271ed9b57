// The AADSTS catalogue: codes derived from the entries (a code without an entry does not compile), one entry per code.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AADSTS, cardForCode, isAadstsCode } from './aadsts';
import type { AadstsCode, AadstsEntry } from './aadsts';

describe('AADSTS catalogue', () => {
  it('AadstsCode is closed: a code without an entry is a compile error', () => {
    const known: AadstsCode = 7000215;
    // @ts-expect-error 12345 has no catalogue entry, so it is not an AadstsCode.
    const unknown: AadstsCode = 12345;
    expect(isAadstsCode(known)).toBe(true);
    expect(isAadstsCode(unknown)).toBe(false);
    expectTypeOf<AadstsCode>().toExtend<number>();
    expectTypeOf<number>().not.toExtend<AadstsCode>();
  });

  it('the lookup is exactly one entry per code', () => {
    expectTypeOf(AADSTS).toEqualTypeOf<Readonly<Record<AadstsCode, AadstsEntry>>>();
    for (const [key, entry] of Object.entries(AADSTS)) expect(entry.code).toBe(Number(key));
    expect(Object.keys(AADSTS)).toHaveLength(49);
  });

  it('a switch over the code narrows it', () => {
    const reaction = (code: AadstsCode): string => {
      switch (code) {
        case 50076:
        case 50079:
          expectTypeOf(code).toEqualTypeOf<50076 | 50079>();
          return 'step-up';
        default:
          expectTypeOf(code).not.toEqualTypeOf<AadstsCode>();
          return AADSTS[code].title;
      }
    };
    expect(reaction(50079)).toBe('step-up');
    expect(reaction(54005)).toBe('Authorization code already redeemed');
  });

  it('cardForCode fills why and fix, and is undefined off the catalogue', () => {
    expect(cardForCode(7000215, { appId: 'x' })?.title).toBe('Invalid client secret');
    expect(cardForCode(12345)).toBeUndefined();
    expect(cardForCode(undefined)).toBeUndefined();
    expect(cardForCode(Number.NaN)).toBeUndefined();
  });
});
