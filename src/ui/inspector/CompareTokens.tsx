// Token A (the OBO assertion) next to token B (what the authority issued), claim by claim.
import type { ReactElement } from 'react';
import type { TokenComparison } from '../../state/index';
import { capitalise } from './text';

/** The "Compare tokens" table of an OBO token response. */
export function CompareTokens({ comparison }: { comparison: TokenComparison }): ReactElement {
  const a = capitalise(comparison.a.name);
  const b = capitalise(comparison.b.name);
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare tokens</h3>
      <p className="muted">
        {a} came in as the <code>assertion</code>; {b} is what the authority issued on behalf of the
        same user.
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
              </th>
              <td>
                <code>{row.a}</code>
              </td>
              <td>
                <code>{row.b}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
