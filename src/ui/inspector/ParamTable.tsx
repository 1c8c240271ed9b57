// A table of decoded parameters (form body, query string, Location, form_post fields), one a row.
import type { ReactElement } from 'react';
import type { ParamRow } from '../../state/index';
import { TokenButton } from './TokenButton';
import { abbreviate } from './text';

/** Props of {@link ParamTable}. */
export interface ParamTableProps {
  title: string;
  rows: ParamRow[];
  onShowToken: (token: string) => void;
  /** Parameter names to emphasise, e.g. `error` and `error_description` of an error redirect. */
  emphasise?: readonly string[];
  /** Header of the first column (default `Parameter`). */
  nameHeader?: string;
}

/** Renders parameters; a value that is a JWT of the run gets a "View ... decoded" button. */
export function ParamTable({
  title,
  rows,
  onShowToken,
  emphasise = [],
  nameHeader = 'Parameter',
}: ParamTableProps): ReactElement {
  return (
    <table className="kv-table params-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr
            key={`${row.name}-${i}`}
            className={emphasise.includes(row.name) ? 'is-emphasised' : undefined}
          >
            <th scope="row">
              <code>{row.name}</code>
            </th>
            <td>
              {row.token ? (
                <>
                  <code title={row.value}>{abbreviate(row.value)}</code>{' '}
                  <TokenButton tokenRef={row.token} onShow={onShowToken} />
                </>
              ) : (
                <code>{row.value}</code>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
