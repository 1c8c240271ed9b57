// "What happened": the step's trace events in plain words (consent, checks, reply URL, decisions).
import type { ReactElement } from 'react';
import type { EventNote } from '../../state/index';

const TONE_LABELS: Record<EventNote['tone'], string> = {
  ok: 'Passed',
  error: 'Failed',
  warn: 'Passed, with a caveat',
  user: 'The user',
  info: 'Note',
};

/**
 * A short list of the step's notable events; a failed check adds "Rule: <text>" with a link to its
 * source. Renders nothing when there are none.
 */
export function EventNotes({ notes }: { notes: EventNote[] }): ReactElement | null {
  if (notes.length === 0) return null;
  return (
    <section className="event-notes" aria-labelledby="event-notes-title">
      <h3 id="event-notes-title">What happened</h3>
      <ul>
        {notes.map((note) => (
          <li key={note.key} className={`event-note tone-${note.tone}`}>
            <span className="sr-only">{TONE_LABELS[note.tone]}: </span>
            <strong>{note.title}</strong>
            {note.items.length > 0 ? (
              <ul>
                {note.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
            {note.rule ? (
              <p className="event-note-rule">
                Rule: {note.rule.text}
                {note.rule.source ? (
                  <>
                    {' '}
                    (
                    <a href={note.rule.source.url} target="_blank" rel="noreferrer">
                      {note.rule.source.label}
                    </a>
                    )
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
