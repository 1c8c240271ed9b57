// Token A and token B of an OBO exchange side by side, claim by claim.
import { decodeForm, parseJsonBody } from '../../engine/wire';
import type { SimStep, SimulationRun, TokenInspection } from '../../engine/wire';
import { formatValue } from '../format';
import { isFormRequest } from './http';
import type { TokenRef } from './tokens';

/** Token A and token B of an OBO exchange, claim by claim. */
export interface TokenComparison {
  a: TokenRef;
  b: TokenRef;
  rows: { claim: string; a: string; b: string; same: boolean }[];
}

function claimText(inspection: TokenInspection, names: readonly string[]): string {
  for (const name of names) {
    const claim = inspection.claims.find((c) => c.name === name);
    if (claim)
      return names.length > 1 ? `${formatValue(claim.value)} (${name})` : formatValue(claim.value);
  }
  return '(absent)';
}

const COMPARED_CLAIMS: readonly (readonly string[])[] = [
  ['aud'],
  ['scp'],
  ['roles'],
  ['azp', 'appid'],
  ['ver'],
  ['iss'],
  ['oid'],
];

/** Token A (the OBO `assertion`) and token B (the issued `access_token`), when the step is an OBO token response. */
export function compareOboTokens(
  run: SimulationRun,
  step: SimStep,
  refs: TokenRef[],
): TokenComparison | null {
  if (step.kind !== 'response' || !step.response || !isFormRequest(step.request)) return null;
  const form = new Map(decodeForm(step.request.body));
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return null;
  const json = parseJsonBody(step.response);
  const issued =
    json && typeof json === 'object'
      ? (json as Record<string, unknown>)['access_token']
      : undefined;
  const a = refs.find((r) => r.token === form.get('assertion'));
  const b = refs.find((r) => r.token === issued);
  if (!a || !b) return null;
  const rows = COMPARED_CLAIMS.filter((names) =>
    names.some((n) => [a, b].some((t) => t.inspection.claims.some((c) => c.name === n))),
  ).map((names) => {
    const left = claimText(a.inspection, names);
    const right = claimText(b.inspection, names);
    return { claim: names.join(' / '), a: left, b: right, same: left === right };
  });
  return { a, b, rows };
}
