// Token names (`token A`, `client assertion`) and the JWTs each message carries, read from the
// engine's record of where every token travelled (`run.tokenSightings`).
import type {
  SimStep,
  SimulationRun,
  TokenInspection,
  TokenPlace,
  TokenSighting,
} from '../../engine/wire';
import { memoByRun } from './memo';

/** Where a JWT was found in a message. */
export interface TokenRef {
  token: string;
  /** Display name, e.g. `token A`, `client assertion`. */
  name: string;
  inspection: TokenInspection;
  /** Where it travelled, e.g. `Authorization header`, `assertion parameter`, `access_token field`. */
  location: string;
  message: 'request' | 'response';
}

const KIND_NAMES: Record<TokenInspection['kind'], string> = {
  access_token: 'token',
  id_token: 'ID token',
  client_assertion: 'client assertion',
  jwt: 'JWT',
  saml_assertion: 'SAML assertion',
};

/**
 * Names every JWT of a run in order of first appearance (starting facts first, then each
 * message): access tokens become `token A`, `token B`...; client assertions, ID tokens and
 * other JWTs are numbered from the second one on.
 */
export const nameTokens = memoByRun((run: SimulationRun): Map<string, string> => {
  const names = new Map<string, string>();
  const counters = new Map<TokenInspection['kind'], number>();
  // One SAML assertion travels in two encodings (base64url in the OBO answer, base64 in the
  // Authorization: SAML header): both carry the name of the assertion, by its ID.
  const samlNames = new Map<string, string>();
  const add = (token: string): void => {
    const inspection = run.tokens[token];
    if (!inspection || names.has(token)) return;
    const samlId = inspection.saml?.id;
    const known = samlId !== undefined ? samlNames.get(samlId) : undefined;
    if (known) {
      names.set(token, known);
      return;
    }
    const count = (counters.get(inspection.kind) ?? 0) + 1;
    counters.set(inspection.kind, count);
    if (inspection.kind === 'access_token') {
      names.set(token, `token ${String.fromCharCode(64 + Math.min(count, 26))}`);
    } else {
      const base = KIND_NAMES[inspection.kind];
      names.set(token, count === 1 ? base : `${base} ${String(count)}`);
    }
    if (samlId !== undefined) samlNames.set(samlId, names.get(token) ?? '');
  };
  for (const fact of run.startingFacts) add(fact.token);
  for (const sighting of run.tokenSightings) add(sighting.token);
  for (const token of Object.keys(run.tokens)) add(token);
  return names;
});

/** The display name of a token of the run (`token A`...), or `JWT` when unknown. */
export function tokenName(run: SimulationRun, token: string): string {
  return nameTokens(run).get(token) ?? 'JWT';
}

/** Where a place is, in the inspector's words, e.g. `assertion parameter`, `access_token field`. */
function placeText(place: TokenPlace, message: TokenSighting['message']): string {
  switch (place.in) {
    case 'header':
      return `${place.name} header`;
    case 'form':
      return `${place.name} parameter`;
    case 'json':
      return `${place.name} field`;
    case 'query':
      return 'URL';
    case 'location':
      return 'Location header';
    case 'page':
    case 'body':
      return `${message} body`;
  }
}

/** The sightings of each message, keyed `<step index>:<request|response>`, in wire order. */
const sightingsByMessage = memoByRun((run: SimulationRun): Map<string, TokenSighting[]> => {
  const byMessage = new Map<string, TokenSighting[]>();
  for (const sighting of run.tokenSightings) {
    const key = `${String(sighting.step)}:${sighting.message}`;
    const list = byMessage.get(key);
    if (list) list.push(sighting);
    else byMessage.set(key, [sighting]);
  }
  return byMessage;
});

/** The index of the request step of each exchange. */
const requestSteps = memoByRun(
  (run: SimulationRun): Map<number, number> =>
    new Map(run.steps.filter((s) => s.kind === 'request').map((s) => [s.exchange, s.index])),
);

/** The JWTs of one message, each once, at the first place it appears. */
function refsAt(run: SimulationRun, step: number, message: TokenRef['message']): TokenRef[] {
  const refs: TokenRef[] = [];
  for (const sighting of sightingsByMessage(run).get(`${String(step)}:${message}`) ?? []) {
    const inspection = run.tokens[sighting.token];
    if (!inspection || refs.some((r) => r.token === sighting.token)) continue;
    refs.push({
      token: sighting.token,
      name: tokenName(run, sighting.token),
      inspection,
      location: placeText(sighting.place, message),
      message,
    });
  }
  return refs;
}

/** The JWTs of one message: the request's, and for a response step also the response's. */
export function tokensInStep(run: SimulationRun, step: SimStep): TokenRef[] {
  const requestStep = requestSteps(run).get(step.exchange) ?? step.index;
  const refs = refsAt(run, requestStep, 'request');
  if (step.kind === 'response' && step.response) {
    const seen = new Set(refs.map((r) => r.token));
    for (const ref of refsAt(run, step.index, 'response')) {
      if (!seen.has(ref.token)) refs.push(ref);
    }
  }
  return refs;
}
