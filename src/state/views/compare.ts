// Token A and token B of an OBO exchange side by side, claim by claim.
import { decodeForm, parseJsonBody } from '../../engine/wire';
import type { SimStep, SimulationRun, TokenInspection } from '../../engine/wire';
import { formatClock, formatValue } from '../format';
import { isFormRequest } from './http';
import type { TokenRef } from './tokens';

/** One claim of token A next to token B; `aNote`/`bNote` name what a GUID stands for. */
export interface ComparisonRow {
  claim: string;
  a: string;
  b: string;
  same: boolean;
  /** E.g. `Todo API (API A)` for an app id, `Ada Lovelace` for a user's oid, a time as ISO. */
  aNote: string | null;
  bNote: string | null;
}

/** Token A and token B of an OBO exchange, claim by claim, with a one-line summary. */
export interface TokenComparison {
  a: TokenRef;
  b: TokenRef;
  rows: ComparisonRow[];
  /** E.g. "Same user (oid unchanged), new audience: Reports API (API B); Todo API (API A) is now the client (azp)." */
  summary: string;
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
  ['azpacr', 'appidacr'],
  ['oid'],
  ['sub'],
  ['tid'],
  ['name'],
  ['amr'],
  ['ver'],
  ['iss'],
  ['iat'],
  ['exp'],
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a claim value stands for: an app's name, the user's name, the tenant, or a time. */
function noteFor(
  run: SimulationRun,
  token: TokenInspection,
  claim: string,
  value: string,
): string | null {
  const raw = value.replace(/ \((azp|appid|azpacr|appidacr)\)$/, '');
  if (claim === 'iat' || claim === 'exp') {
    const seconds = Number(raw);
    return Number.isFinite(seconds) ? formatClock(seconds).iso : null;
  }
  if (!GUID.test(raw)) return null;
  const app = run.parties.find((p) => p.appId === raw);
  if (app) return app.label;
  if (claim === 'oid') {
    const name = token.claims.find((c) => c.name === 'name')?.value;
    return typeof name === 'string' ? name : 'the user';
  }
  if (claim === 'tid') return 'the tenant';
  return null;
}

/** One sentence on what changed from token A to token B. */
function summarise(rows: ComparisonRow[]): string {
  const row = (claim: string) => rows.find((r) => r.claim === claim);
  const parts: string[] = [];
  const oid = row('oid');
  if (oid?.same)
    parts.push(`Same user${oid.aNote ? ` (${oid.aNote}, oid unchanged)` : ' (oid unchanged)'}`);
  else if (oid) parts.push('A different user (oid changed)');
  const aud = row('aud');
  if (aud && !aud.same) parts.push(`new audience: ${aud.bNote ?? aud.b}`);
  const client = row('azp / appid');
  if (client && !client.same)
    parts.push(
      `${client.bNote ?? client.b} is now the client (${client.b.includes('(appid)') ? 'appid' : 'azp'})`,
    );
  const sub = row('sub');
  if (sub && !sub.same) parts.push('sub differs because it is pairwise: unique per user and app');
  return parts.length > 0 ? `${parts.join('; ')}.` : 'The two tokens carry the same claims.';
}

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
  // A SAML assertion has elements, not JWT claims: its card explains them instead.
  if (!a || !b || b.inspection.kind === 'saml_assertion') return null;
  const rows = COMPARED_CLAIMS.filter((names) =>
    names.some((n) => [a, b].some((t) => t.inspection.claims.some((c) => c.name === n))),
  ).map((names): ComparisonRow => {
    const left = claimText(a.inspection, names);
    const right = claimText(b.inspection, names);
    const claim = names.join(' / ');
    const first = names[0] ?? claim;
    return {
      claim,
      a: left,
      b: right,
      same: left === right,
      aNote: noteFor(run, a.inspection, first, left),
      bNote: noteFor(run, b.inspection, first, right),
    };
  });
  return { a, b, rows, summary: summarise(rows) };
}
