import { describe, expect, it } from 'vitest';
import { readPresenterMessage } from './presenter-messages';
import { DEFAULT_LINK_STATE } from './defaults';

describe('presenter channel messages', () => {
  it('accepts the three message kinds', () => {
    expect(readPresenterMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(readPresenterMessage({ type: 'bye', from: 'audience' })).toEqual({
      type: 'bye',
      from: 'audience',
    });
    const link = { ...DEFAULT_LINK_STATE, step: 4 };
    expect(readPresenterMessage({ type: 'state', link })).toEqual({ type: 'state', link });
  });

  it.each([
    null,
    'hello',
    42,
    {},
    { type: 'state' },
    { type: 'state', link: { v: 99 } },
    { type: 'state', link: { ...DEFAULT_LINK_STATE, step: -5 } },
    { type: 'bye', from: 'someone' },
    { type: 'hello', extra: true },
  ])('ignores %j', (data) => {
    expect(readPresenterMessage(data)).toBeNull();
  });
});
