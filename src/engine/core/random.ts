// Seeded randomness for ids, codes and jitter: the same seed gives the same run.
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/** A seeded random source. Mutable: each draw advances it. */
export interface SeededRandom {
  /** Integer in `[min, max]`, both inclusive. */
  int(min: number, max: number): number;
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
  /** A random RFC 4122 version-4 GUID in lower-case hex, e.g. `4f1c...-...`. */
  guid(): string;
}

/** Creates a {@link SeededRandom} from an integer seed (xoroshiro128+ from pure-rand). */
export function createRandom(seed: number): SeededRandom {
  const rng: RandomGenerator = xoroshiro128plus(seed | 0);
  const int = (min: number, max: number): number => unsafeUniformIntDistribution(min, max, rng);
  const bytes = (count: number): Uint8Array => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = int(0, 255);
    return out;
  };
  const guid = (): string => {
    const b = bytes(16);
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
    const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { int, bytes, guid };
}
