// The embed's postMessage protocol: what it tells the host page, and what it accepts from it.
import { z } from 'zod';

/** Marks every message the player sends, so hosts can tell them from other frames' messages. */
export const MESSAGE_SOURCE = 'oauth-flow-simulator';

/**
 * Messages the player posts to its host (`window.parent`), with target origin `*`: they carry
 * no secret, only sizes and step numbers.
 * - `resize`: the content's height in CSS pixels, after every layout change (the Embedly-style
 *   pattern wiki auto-height scripts read).
 * - `step`: the current step, `index` 0-based (-1 = before step 1), `total` steps in the run.
 */
export type PlayerMessage =
  | { source: typeof MESSAGE_SOURCE; type: 'resize'; height: number }
  | { source: typeof MESSAGE_SOURCE; type: 'step'; index: number; total: number };

/** Messages a host may send: go to a step (0-based, -1 = before step 1), play, pause. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('goto'), index: z.number().int().min(-1).max(999) }),
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
]);

/** A message from the host (see {@link hostMessageSchema}). */
export type HostMessage = z.infer<typeof hostMessageSchema>;

/**
 * Reads a `message` event's `data` sent from `origin`. Returns `null`, without throwing or
 * logging, for a sender outside `allowedOrigins` (the embed link's list; empty = nobody) or data
 * that is not a host message.
 */
export function readHostMessage(
  data: unknown,
  origin: string,
  allowedOrigins: readonly string[],
): HostMessage | null {
  if (!allowedOrigins.includes(origin)) return null;
  const parsed = hostMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
