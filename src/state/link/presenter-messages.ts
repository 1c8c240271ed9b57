// The messages between the presenter's window and its audience window on
// BroadcastChannel('ofs-presenter'), validated with zod (this module loads on demand).
import { z } from 'zod';
import { linkStateSchema } from './schema';

/**
 * `state`: the presenter's screen as a link state (sent on every change and in answer to
 * `hello`); `hello`: an audience window opened and asks for the state; `bye`: a window closes.
 */
export const presenterMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), link: linkStateSchema }).strict(),
  z.object({ type: z.literal('hello') }).strict(),
  z.object({ type: z.literal('bye'), from: z.enum(['presenter', 'audience']) }).strict(),
]);

/** One message on the presenter channel. */
export type PresenterMessage = z.infer<typeof presenterMessageSchema>;

/** The message in `data`, or `null` when it is not one (anything malformed is ignored). */
export function readPresenterMessage(data: unknown): PresenterMessage | null {
  const parsed = presenterMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
