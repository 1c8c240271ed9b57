// Decoded parameters (form, query, redirect, page fields), one a row, linked to the run's tokens.
import type { SimulationRun } from '../../engine/wire';
import type { TokenRef } from './tokens';

/** One decoded form or query parameter. */
export interface ParamRow {
  name: string;
  value: string;
  /** The token this value is, when it is a JWT of the run. */
  token: TokenRef | null;
}

/** Rows for name/value pairs; a value that is a JWT of the run links to its ref among `refs`. */
export function paramRows(
  run: SimulationRun,
  pairs: [string, string][],
  refs: TokenRef[],
): ParamRow[] {
  return pairs.map(([name, value]) => ({
    name,
    value,
    token: run.tokens[value] ? (refs.find((r) => r.token === value) ?? null) : null,
  }));
}
