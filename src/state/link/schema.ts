// The shareable state as one value: its zod schema (version 1) and the defaults a link falls back to.
import { z } from 'zod';

// zod compiles fast parsers with `new Function` unless told not to; our Content-Security-Policy
// forbids eval, so every schema runs in its interpreted mode.
z.config({ jitless: true });

/** Inspector tabs a link may name. */
export const LINK_TABS = ['narration', 'request', 'response', 'tokens'] as const;

/** Main views a link may name (the sequence view comes with the teaching issue). */
export const LINK_VIEWS = ['canvas', 'sequence'] as const;

/** Themes a link (or an embed) may ask for; `system` follows `prefers-color-scheme`. */
export const LINK_THEMES = ['system', 'light', 'dark'] as const;

/** One answer of the person at a prompt, as `UserDecision` in the engine (times in seconds). */
export const decisionSchema = z.discriminatedUnion('prompt', [
  z.object({ prompt: z.literal('sign-in') }).strict(),
  z.object({ prompt: z.literal('mfa'), approve: z.boolean() }).strict(),
  z
    .object({
      prompt: z.literal('consent'),
      accept: z.boolean(),
      forOrganization: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      prompt: z.literal('clock'),
      seconds: z
        .number()
        .int()
        .min(0)
        .max(10 * 365 * 24 * 3600),
    })
    .strict(),
]);

/**
 * How an embedded player behaves. Steps are 0-based indexes of the run's messages; `from`/`to`
 * bound what the player shows; `origins` are the host origins allowed to send `goto`/`play`/`pause`.
 */
export const embedSchema = z
  .object({
    from: z.number().int().min(0).max(999).optional(),
    to: z.number().int().min(0).max(999).optional(),
    /** Scenario and switches cannot be changed in the embed. */
    locked: z.boolean(),
    autoplay: z.boolean(),
    theme: z.enum(LINK_THEMES),
    /** Show the scenario picker / the what-if switches in the embed. */
    picker: z.boolean(),
    switches: z.boolean(),
    origins: z.array(z.string().max(200)).max(10),
  })
  .strict();

/**
 * Everything that decides what is on screen, version 1. `world` is reserved for an edited
 * scenario (the editor validates it with its own schema when it loads one); a built-in scenario is
 * named by `scenario` alone. `step` is the revealed step index (-1 = before step 1).
 */
export const linkStateSchema = z
  .object({
    v: z.literal(1),
    scenario: z.string().min(1).max(100),
    world: z.unknown().optional(),
    variants: z.array(z.string().min(1).max(100)).max(50),
    decisions: z.array(decisionSchema).max(50),
    seed: z.number().int().min(0).max(0x7fffffff),
    step: z.number().int().min(-1).max(999),
    tab: z.enum(LINK_TABS),
    view: z.enum(LINK_VIEWS),
    embed: embedSchema.optional(),
  })
  .strict();

/** The shareable state (see {@link linkStateSchema}). */
export type LinkState = z.infer<typeof linkStateSchema>;

/** Options of an embedded player (see {@link embedSchema}). */
export type EmbedOptions = z.infer<typeof embedSchema>;
