// A small stand-in world for the workspace tests: the workspace is generic over the world's parser.
import { z } from 'zod';
import type { ParseWorld } from './types';

const toyWorldSchema = z
  .object({
    tenant: z.string().min(1),
    parties: z.array(
      z.object({ id: z.string().min(1), kind: z.enum(['client', 'api', 'authority']) }).strict(),
    ),
  })
  .strict();

/** The stand-in world. */
export type ToyWorld = z.infer<typeof toyWorldSchema>;

/** A parser shaped like the editor's `parseWorld`: never throws, issues with their paths. */
export const parseToyWorld: ParseWorld<ToyWorld> = (input) => {
  const result = toyWorldSchema.safeParse(input);
  return result.success
    ? { ok: true, world: result.data }
    : {
        ok: false,
        issues: result.error.issues.map((i) => ({ path: i.path, message: i.message })),
      };
};

/** A valid world with `n` parties. */
export function toyWorld(n = 2): ToyWorld {
  return {
    tenant: 'contoso',
    parties: Array.from({ length: n }, (_, i) => ({
      id: `party-${i}`,
      kind: i === 0 ? 'client' : 'api',
    })),
  };
}
