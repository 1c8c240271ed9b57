// The bar above the diagram in replay mode: which HAR, party names, the secret switch, the way back.
import { useId, type ReactElement } from 'react';
import { useAppStore } from '../../state/index';
import { selectReplayBar } from '../../state/har/har-slice';
import './har.css';

/**
 * Replay mode's controls: the file's name and what a replay is (what really travelled: no what-if
 * switches, prompts or share links), "Show secrets" (a toggle button), the party names the person
 * may change (one text box per party, blank = the name inferred from its host), what the import
 * left out, and "Back to scenarios". Renders nothing outside replay mode.
 */
export function ReplayBar(): ReactElement | null {
  const id = useId();
  const { replay, rename, setShown, leave } = useAppStore(selectReplayBar);
  if (!replay) return null;
  return (
    <section className="replay-bar" aria-labelledby={`${id}-title`}>
      <div className="replay-bar-row">
        <h2 id={`${id}-title`} className="replay-title">
          HAR replay: <span className="replay-file">{replay.fileName}</span>
        </h2>
        <button
          type="button"
          className="header-button"
          aria-pressed={replay.showSecrets}
          onClick={() => setShown(!replay.showSecrets)}
        >
          Show secrets
        </button>
        <button type="button" className="header-button" onClick={() => void leave()}>
          Back to scenarios
        </button>
      </div>
      <div className="replay-more">
        <details className="replay-details">
          <summary>What a replay is</summary>
          <p className="replay-note">
            What really travelled, in the order the HAR recorded it, read in this page only.
            {replay.showSecrets
              ? ' Secrets are shown: mind who sees your screen.'
              : ' Secrets are masked.'}{' '}
            What-if switches, prompts and share links belong to scenarios: a replay has none.
          </p>
        </details>
        <details className="replay-details">
          <summary>Party names</summary>
          <ul className="replay-names">
            {replay.parties.map((party) => (
              <li key={party.id}>
                <label htmlFor={`${id}-${party.id}`}>Name for {party.label}</label>
                <input
                  id={`${id}-${party.id}`}
                  type="text"
                  value={replay.names[party.id] ?? ''}
                  placeholder={party.label}
                  onChange={(event) => rename(party.id, event.target.value)}
                />
              </li>
            ))}
          </ul>
        </details>
        {replay.notes.length > 0 ? (
          <details className="replay-details">
            <summary>Left out of the replay ({replay.notes.length})</summary>
            <ul>
              {replay.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}
