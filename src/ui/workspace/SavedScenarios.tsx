// "My scenarios": the saved scenarios with Open, Rename, Duplicate and Delete, and Undo after a delete.
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import {
  openSaved,
  renameSaved,
  workspaceStore,
  useWorkspace,
} from '../../state/workspace/app-workspace';
import { MAX_NAME_LENGTH } from '../../state/workspace/types';

/** Props of {@link SavedScenarios}. */
export interface SavedScenariosProps {
  /** A saved scenario was opened (the dialog closes). */
  onOpened: () => void;
  /** What an action did, or why it did nothing, for the dialog's status line. */
  onOutcome: (outcome: { kind: 'ok' | 'error'; text: string }) => void;
}

const savedAtFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** When a scenario was saved, in the person's locale ('' for a time a Date cannot show). */
function formatSavedAt(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : `saved ${savedAtFormat.format(date)}`;
}

/**
 * The list named "My scenarios": each saved scenario with its save time and buttons named
 * "Open <name>", "Rename <name>", "Duplicate <name>", "Delete <name>" (visible words Open, Rename,
 * Duplicate, Delete). Rename edits the name in place (Enter saves, Escape cancels). After a
 * delete, "Undo" restores it (focus moves there, so a keyboard user can undo at once).
 */
export function SavedScenarios({ onOpened, onOutcome }: SavedScenariosProps): ReactElement {
  const id = useId();
  const { entries, deleted, status } = useWorkspace((w) => ({
    entries: w.entries,
    deleted: w.deleted,
    status: w.status,
  }));
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const undoRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const report = (result: { ok: true } | { ok: false; message: string }, done: string): void =>
    onOutcome(result.ok ? { kind: 'ok', text: done } : { kind: 'error', text: result.message });

  /** Leaves the name field and puts focus back on the entry's Rename button. */
  const stopRenaming = (entryId: string): void => {
    setRenaming(null);
    window.setTimeout(
      () => listRef.current?.querySelector<HTMLElement>(`[data-rename="${entryId}"]`)?.focus(),
      0,
    );
  };

  const rename = (event: FormEvent, entryId: string, old: string): void => {
    event.preventDefault();
    void renameSaved(entryId, draft).then((result) => {
      report(result, result.ok ? `Renamed "${old}" to "${result.value.name}".` : '');
      if (result.ok) stopRenaming(entryId);
    });
  };

  const remove = (entryId: string): void => {
    void workspaceStore
      .getState()
      .remove(entryId)
      .then((result) => {
        // The Undo line says what was deleted; only a failure needs the status line.
        if (!result.ok) report(result, '');
        else window.setTimeout(() => undoRef.current?.focus(), 0);
      });
  };

  const undo = (): void => {
    void workspaceStore
      .getState()
      .undoRemove()
      .then((result) => report(result, result.ok ? `Restored "${result.value.name}".` : ''));
  };

  const duplicate = (entryId: string): void => {
    void workspaceStore
      .getState()
      .duplicate(entryId)
      .then((result) => report(result, result.ok ? `Saved a copy as "${result.value.name}".` : ''));
  };

  return (
    <section className="workspace-saved" aria-labelledby={`${id}-saved`}>
      <h3 id={`${id}-saved`}>My scenarios</h3>
      {deleted ? (
        <p className="workspace-undo">
          Deleted &quot;{deleted.entry.name}&quot;.{' '}
          <button ref={undoRef} type="button" className="workspace-button" onClick={undo}>
            Undo
          </button>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="workspace-hint">
          {status === 'loading' ? 'Loading…' : 'Nothing saved yet: use Save as above.'}
        </p>
      ) : (
        <ul ref={listRef} className="workspace-list" aria-labelledby={`${id}-saved`}>
          {entries.map((entry) => (
            <li key={entry.id} className="workspace-item">
              {renaming === entry.id ? (
                <form
                  className="workspace-rename"
                  onSubmit={(e) => rename(e, entry.id, entry.name)}
                >
                  <input
                    aria-label={`New name for ${entry.name}`}
                    value={draft}
                    maxLength={MAX_NAME_LENGTH}
                    autoComplete="off"
                    autoFocus
                    onChange={(e) => setDraft(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        e.stopPropagation();
                        stopRenaming(entry.id);
                      }
                    }}
                  />
                  <button type="submit" className="workspace-button">
                    Save name
                  </button>
                  <button
                    type="button"
                    className="workspace-button"
                    onClick={() => stopRenaming(entry.id)}
                  >
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span className="workspace-name">{entry.name}</span>
                  <span className="workspace-when">{formatSavedAt(entry.savedAt)}</span>
                  <span className="workspace-actions">
                    <button
                      type="button"
                      className="workspace-button"
                      aria-label={`Open ${entry.name}`}
                      onClick={() => void openSaved(entry.id).then((ok) => ok && onOpened())}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="workspace-button"
                      aria-label={`Rename ${entry.name}`}
                      data-rename={entry.id}
                      onClick={() => {
                        setDraft(entry.name);
                        setRenaming(entry.id);
                      }}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="workspace-button"
                      aria-label={`Duplicate ${entry.name}`}
                      onClick={() => duplicate(entry.id)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="workspace-button"
                      aria-label={`Delete ${entry.name}`}
                      onClick={() => remove(entry.id)}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
