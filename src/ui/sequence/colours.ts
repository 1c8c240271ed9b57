// The theme's colours for an exported sequence diagram, read from the tokens in use on the page.
import { SEQUENCE_COLOUR_TOKENS, type SequenceColours } from '../../state/export/sequence-svg';

/**
 * Resolves every {@link SEQUENCE_COLOUR_TOKENS} token on `element` (default: the root, so the
 * active light or dark theme applies) to the colour string `toSequenceSvg` writes inline.
 */
export function readSequenceColours(element: Element = document.documentElement): SequenceColours {
  const style = getComputedStyle(element);
  const entries = Object.entries(SEQUENCE_COLOUR_TOKENS).map(([key, token]) => [
    key,
    style.getPropertyValue(token).trim(),
  ]);
  return Object.fromEntries(entries) as unknown as SequenceColours;
}
