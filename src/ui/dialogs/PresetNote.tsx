// The note on a prompt whose answer an enabled what-if makes: which what-if, and which answer.
import type { ReactElement } from 'react';
import type { PromptPreset } from '../../engine/index';

/** Props of {@link PresetNote}. */
export interface PresetNoteProps {
  preset: PromptPreset;
  /** The answer in the page's own words, e.g. `Cancel` or `+91 days`. */
  answer: string;
}

/**
 * Says that the what-if answers this prompt ("Set by the what-if ...: Cancel"), so the person
 * knows why only that choice is enabled and why play goes on by itself.
 */
export function PresetNote({ preset, answer }: PresetNoteProps): ReactElement {
  return (
    <p className="prompt-preset" role="note">
      <strong>Set by the what-if</strong> “{preset.whatIf}”: <strong>{answer}</strong>. Play goes on
      by itself; Next gives this answer too.
    </p>
  );
}

/** The first name of a display name (`Grace Hopper` -> `Grace`), else `the user`. */
export function firstName(displayName: string | undefined): string {
  return displayName?.trim().split(/\s+/)[0] || 'the user';
}
