// Token A (the OBO assertion) next to token B (what the authority issued), claim by claim.
import type { ReactElement } from 'react';
import type { TokenComparison } from '../../state/index';
import { capitalise } from './text';

function Value({ value, note }: { value: string; note: string | null }): ReactElement {
  return (
    <>
      <code>{value}</code>
      {note ? <span className="compare-note">{note}</span> : null}
    </>
  );
}

/**
 * The "Compare tokens" table of an OBO token response: a one-line summary, then every compared
 * claim side by side, GUIDs named (app, user, tenant), times as dates, and each changed claim
 * marked "changed" in words and colour.
 */
export function CompareTokens({ comparison }: { comparison: TokenComparison }): ReactElement {
  const a = capitalise(comparison.a.name);
  const b = capitalise(comparison.b.name);
  const changed = comparison.rows.filter((row) => !row.same).length;
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare tokens</h3>
      <p className="compare-summary">{comparison.summary}</p>
      <p className="muted">
        {a} came in as the <code>assertion</code>; {b} is what the authority issued on behalf of the
        same user. {changed} of {comparison.rows.length} claims changed.
      </p>
      <table className="compare-table" aria-labelledby="compare-title">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">
              {a} <span className="muted">(incoming)</span>
            </th>
            <th scope="col">
              {b} <span className="muted">(issued)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.claim} className={row.same ? 'is-same' : 'is-different'}>
              <th scope="row">
                <code>{row.claim}</code>
                <span className={`compare-badge${row.same ? '' : ' is-changed'}`}>
                  {row.same ? 'same' : 'changed'}
                </span>
              </th>
              <td>
                <Value value={row.a} note={row.aNote} />
              </td>
              <td>
                <Value value={row.b} note={row.bNote} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
