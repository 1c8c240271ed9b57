// The host messages an embedded player accepts: allowed origins only, well-formed only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readHostMessage } from './embed-messages';

const HOST = 'https://wiki.contoso.example';

describe('host messages', () => {
  it('accepts goto, play and pause from an allowed origin', () => {
    expect(readHostMessage({ type: 'goto', index: 4 }, HOST, [HOST])).toEqual({
      type: 'goto',
      index: 4,
    });
    expect(readHostMessage({ type: 'play' }, HOST, [HOST])).toEqual({ type: 'play' });
    expect(readHostMessage({ type: 'pause' }, HOST, [HOST])).toEqual({ type: 'pause' });
  });

  it('ignores other origins, and every origin when the list is empty', () => {
    expect(readHostMessage({ type: 'play' }, 'https://evil.example', [HOST])).toBeNull();
    expect(readHostMessage({ type: 'play' }, HOST, [])).toBeNull();
    expect(readHostMessage({ type: 'play' }, 'null', [HOST])).toBeNull();
  });

  it('ignores any malformed data without throwing (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const read = readHostMessage(data, HOST, [HOST]);
        if (read !== null) expect(['goto', 'play', 'pause']).toContain(read.type);
      }),
    );
    expect(readHostMessage({ type: 'goto', index: 1.5 }, HOST, [HOST])).toBeNull();
    expect(readHostMessage({ type: 'goto', index: '3' }, HOST, [HOST])).toBeNull();
  });
});
