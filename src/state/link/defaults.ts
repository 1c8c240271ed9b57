// The state a link falls back to, without the schema library (so the first screen need not load it).
import type { EmbedOptions, LinkState } from './schema';

/** The state a link falls back to, field by field. */
export const DEFAULT_LINK_STATE: LinkState = {
  v: 1,
  scenario: 'obo-secret',
  variants: [],
  decisions: [],
  seed: 1,
  step: -1,
  tab: 'narration',
  view: 'canvas',
};

/** The embed options a link falls back to: unlocked, no autoplay, the host's colour scheme. */
export const DEFAULT_EMBED: EmbedOptions = {
  locked: false,
  autoplay: false,
  theme: 'system',
  picker: false,
  switches: false,
  origins: [],
};
