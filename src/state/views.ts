// Pure view models the screen renders: timeline rows, packets, step details, decoded tokens.
import type {
  ErrorCard,
  HttpRequest,
  HttpResponse,
  Narration,
  PartyId,
  PartyView,
  ScenarioDefinition,
  SignatureStatus,
  SimStep,
  SimulationRun,
  StepOutcome,
  TokenInspection,
} from '../engine/index';
import { engineApi } from './engine-loader';
import { buildEventNotes, decisionChip, type EventNote } from './events';
import { formatClock, formatRelative, formatValue, prettyJson, type ClockText } from './format';

/** Caches one derived value per run object, so selectors and memos return stable references. */
function memoByRun<T>(build: (run: SimulationRun) => T): (run: SimulationRun) => T {
  const cache = new WeakMap<SimulationRun, T>();
  return (run) => {
    let value = cache.get(run);
    if (value === undefined) {
      value = build(run);
      cache.set(run, value);
    }
    return value;
  };
}

/** The label of a party, or its id when the run does not know it. */
export function partyLabel(run: SimulationRun, id: PartyId): string {
  return run.parties.find((p) => p.id === id)?.label ?? id;
}

// ---------------------------------------------------------------------------------------------
// Token naming and discovery

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

function tokensInText(text: string, keys: readonly string[]): string[] {
  return keys
    .map((key) => ({ key, at: text.indexOf(key) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.key);
}

function requestText(request: HttpRequest): string {
  return engineApi().formatRawRequest(request);
}

function responseText(response: HttpResponse): string {
  return engineApi().formatRawResponse(response);
}

const KIND_NAMES: Record<TokenInspection['kind'], string> = {
  access_token: 'token',
  id_token: 'ID token',
  client_assertion: 'client assertion',
  jwt: 'JWT',
};

/**
 * Names every JWT of a run in order of first appearance (starting facts first, then each
 * message): access tokens become `token A`, `token B`...; client assertions, ID tokens and
 * other JWTs are numbered from the second one on.
 */
export const nameTokens = memoByRun((run: SimulationRun): Map<string, string> => {
  const keys = Object.keys(run.tokens);
  const names = new Map<string, string>();
  const counters = new Map<TokenInspection['kind'], number>();
  const add = (token: string): void => {
    const inspection = run.tokens[token];
    if (!inspection || names.has(token)) return;
    const count = (counters.get(inspection.kind) ?? 0) + 1;
    counters.set(inspection.kind, count);
    if (inspection.kind === 'access_token') {
      names.set(token, `token ${String.fromCharCode(64 + Math.min(count, 26))}`);
    } else {
      const base = KIND_NAMES[inspection.kind];
      names.set(token, count === 1 ? base : `${base} ${count}`);
    }
  };
  for (const fact of run.startingFacts) add(fact.token);
  for (const step of run.steps) {
    const texts = [requestText(step.request)];
    if (step.response) texts.push(responseText(step.response));
    for (const text of texts) for (const token of tokensInText(text, keys)) add(token);
  }
  for (const token of keys) add(token);
  return names;
});

/** The display name of a token of the run (`token A`...), or `JWT` when unknown. */
export function tokenName(run: SimulationRun, token: string): string {
  return nameTokens(run).get(token) ?? 'JWT';
}

function locateInRequest(request: HttpRequest, token: string): string {
  for (const [name, value] of Object.entries(request.headers)) {
    if (value.includes(token)) return `${name} header`;
  }
  if (isFormRequest(request)) {
    const param = engineApi()
      .decodeForm(request.body)
      .find(([, value]) => value.includes(token));
    if (param) return `${param[0]} parameter`;
  }
  if (request.url.includes(token)) return 'URL';
  return 'request body';
}

function locateInResponse(response: HttpResponse, token: string): string {
  const json = engineApi().parseJsonBody(response);
  if (json && typeof json === 'object') {
    for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
      if (typeof value === 'string' && value.includes(token)) return `${name} field`;
    }
  }
  for (const [name, value] of Object.entries(response.headers)) {
    if (value.includes(token)) return `${name} header`;
  }
  return 'response body';
}

function refsIn(
  run: SimulationRun,
  text: string,
  message: TokenRef['message'],
  locate: (token: string) => string,
): TokenRef[] {
  const refs: TokenRef[] = [];
  for (const token of tokensInText(text, Object.keys(run.tokens))) {
    const inspection = run.tokens[token];
    if (!inspection) continue;
    refs.push({ token, name: tokenName(run, token), inspection, location: locate(token), message });
  }
  return refs;
}

/** The JWTs of one message: the request's, and for a response step also the response's. */
export function tokensInStep(run: SimulationRun, step: SimStep): TokenRef[] {
  const refs = refsIn(run, requestText(step.request), 'request', (t) =>
    locateInRequest(step.request, t),
  );
  const response = step.response;
  if (step.kind === 'response' && response) {
    const seen = new Set(refs.map((r) => r.token));
    for (const ref of refsIn(run, responseText(response), 'response', (t) =>
      locateInResponse(response, t),
    )) {
      if (!seen.has(ref.token)) refs.push(ref);
    }
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Timeline and packets

/** One row of the timeline. */
export interface TimelineRow {
  index: number;
  /** 1-based step number. */
  number: number;
  from: PartyId;
  to: PartyId;
  fromLabel: string;
  toLabel: string;
  kind: SimStep['kind'];
  /** The step's label as the engine wrote it. */
  label: string;
  /** The label with a tenant id path segment shortened to `{tenant}`, for the timeline. */
  shortLabel: string;
  outcome: StepOutcome;
  /** HTTP status of a response step. */
  status: number | null;
  /** Names of the tokens this message carries, e.g. `['token A']`. */
  chips: string[];
  /** The person's decision this message carries, e.g. `Ada: accepts`. */
  decision: string | null;
  /** The whole row as one sentence, e.g. `3. API A -> Authority: POST /token`. */
  text: string;
}

const TENANT_SEGMENT =
  /^([A-Z]+ )?\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//i;

/** Shortens `POST /<tenant guid>/oauth2/v2.0/token` to `POST /{tenant}/oauth2/v2.0/token`. */
export function shortenLabel(label: string): string {
  return label.replace(
    TENANT_SEGMENT,
    (_whole, method: string | undefined) => `${method ?? ''}/{tenant}/`,
  );
}

/** Timeline rows for every step of the run (the screen shows the revealed ones). */
export const buildTimeline = memoByRun((run: SimulationRun): TimelineRow[] =>
  run.steps.map((step) => {
    const fromLabel = partyLabel(run, step.from);
    const toLabel = partyLabel(run, step.to);
    const chips = tokensInStep(run, step)
      .filter((ref) => ref.message === step.kind)
      .map((ref) => ref.name);
    return {
      index: step.index,
      number: step.index + 1,
      from: step.from,
      to: step.to,
      fromLabel,
      toLabel,
      kind: step.kind,
      label: step.label,
      shortLabel: shortenLabel(step.label),
      outcome: step.outcome,
      status: step.kind === 'response' ? (step.response?.status ?? null) : null,
      chips,
      decision: decisionChip(run, step),
      text: `${step.index + 1}. ${fromLabel} -> ${toLabel}: ${shortenLabel(step.label)}`,
    };
  }),
);

/** A pair of parties that exchange at least one message: one canvas edge. */
export interface PartyLink {
  id: string;
  source: PartyId;
  target: PartyId;
  /** Index of the first step on this link. */
  firstStep: number;
}

/** The id of the canvas edge between two parties (order-independent). */
export function linkId(a: PartyId, b: PartyId): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

/** Every pair of parties that exchange messages in the run, in order of first message. */
export const buildLinks = memoByRun((run: SimulationRun): PartyLink[] => {
  const links = new Map<string, PartyLink>();
  for (const step of run.steps) {
    const id = linkId(step.from, step.to);
    if (!links.has(id))
      links.set(id, { id, source: step.from, target: step.to, firstStep: step.index });
  }
  return [...links.values()];
});

/** The sentence the live region announces when a step is revealed. */
export function announceStep(run: SimulationRun, index: number): string {
  const row = buildTimeline(run)[index];
  const step = run.steps[index];
  if (!row || !step) return 'Before step 1.';
  const carrying = row.chips.length > 0 ? ` carrying ${row.chips.join(' and ')}` : '';
  return `Step ${row.number} of ${run.steps.length}: ${row.fromLabel} to ${row.toLabel}, ${row.shortLabel}${carrying}. ${step.narration.title}`;
}

// ---------------------------------------------------------------------------------------------
// Step details for the inspector

/** One decoded form or query parameter. */
export interface ParamRow {
  name: string;
  value: string;
  /** The token this value is, when it is a JWT of the run. */
  token: TokenRef | null;
}

/** The Request tab. */
export interface RequestView {
  requestLine: string;
  raw: string;
  /** Decoded `application/x-www-form-urlencoded` body, one parameter a row. */
  form: ParamRow[] | null;
  /** Decoded query string parameters. */
  query: ParamRow[];
  /** Pretty-printed JSON body, when the body is JSON. */
  json: string | null;
  /** The bearer token in the `Authorization` header, when it is a JWT of the run. */
  bearer: TokenRef | null;
  /** The `Authorization` scheme, e.g. `Bearer` or `Basic`. */
  authorizationScheme: string | null;
}

/** Where a redirect sends the browser, with its query string decoded. */
export interface LocationView {
  url: string;
  /** The URL without its query string. */
  target: string;
  params: ParamRow[];
  /** Whether the redirect carries an OAuth error (`error`, `error_description`). */
  isError: boolean;
}

/** What kind of page an HTML response is. */
export type PageKind = 'sign-in' | 'mfa' | 'consent' | 'error' | 'form_post' | 'html';

/** An HTML page response, decoded from the authority's JSON island (or its title). */
export interface PageView {
  kind: PageKind;
  /** E.g. `Sign-in page`, `Consent page`, `Form post (submits itself)`. */
  label: string;
  /** One sentence on what the page asks or carries. */
  summary: string;
  /** Fields a `form_post` page submits, or the consent items, one a row. */
  fields: ParamRow[];
  /** The page's text without markup, as a person would read it. */
  text: string;
}

/** The Response tab. */
export interface ResponseView {
  status: number;
  statusText: string;
  ok: boolean;
  /** Raw response with a pretty-printed JSON body. */
  raw: string;
  bodyIsJson: boolean;
  wwwAuthenticate: string | null;
  /** The decoded `Location` header of a redirect. */
  location: LocationView | null;
  /** The decoded HTML page, when the body is HTML. */
  page: PageView | null;
}

/** Token A and token B of an OBO exchange, claim by claim. */
export interface TokenComparison {
  a: TokenRef;
  b: TokenRef;
  rows: { claim: string; a: string; b: string; same: boolean }[];
}

/** Everything the inspector shows for one step. */
export interface StepDetail {
  step: SimStep;
  number: number;
  /** The step's label with a tenant id shortened to `{tenant}`. */
  shortLabel: string;
  fromLabel: string;
  toLabel: string;
  clock: ClockText;
  narration: Narration;
  error: ErrorCard | null;
  /** The step's trace events in plain words (consent, checks, reply URL, decisions). */
  events: EventNote[];
  request: RequestView;
  /** `null` for a request step (its response is a later step). */
  response: ResponseView | null;
  tokens: TokenRef[];
  comparison: TokenComparison | null;
}

function isFormRequest(request: HttpRequest): boolean {
  return (engineApi().getHeader(request.headers, 'content-type') ?? '').includes(
    'application/x-www-form-urlencoded',
  );
}

function paramRows(run: SimulationRun, pairs: [string, string][], refs: TokenRef[]): ParamRow[] {
  return pairs.map(([name, value]) => ({
    name,
    value,
    token: run.tokens[value] ? (refs.find((r) => r.token === value) ?? null) : null,
  }));
}

function buildRequestView(run: SimulationRun, step: SimStep, refs: TokenRef[]): RequestView {
  const request = step.request;
  const raw = engineApi().formatRawRequest(request);
  const url = new URL(request.url);
  const authorization = engineApi().getHeader(request.headers, 'authorization') ?? null;
  const scheme = authorization ? (authorization.split(' ')[0] ?? null) : null;
  const credential = authorization ? authorization.slice((scheme ?? '').length).trim() : '';
  const bearer =
    scheme?.toLowerCase() === 'bearer' ? (refs.find((r) => r.token === credential) ?? null) : null;
  const contentType = engineApi().getHeader(request.headers, 'content-type') ?? '';
  return {
    requestLine: raw.split('\n')[0] ?? '',
    raw,
    form: isFormRequest(request)
      ? paramRows(run, engineApi().decodeForm(request.body), refs)
      : null,
    query: paramRows(run, [...url.searchParams.entries()], refs),
    json: contentType.includes('json') && request.body ? prettyJson(request.body) : null,
    bearer,
    authorizationScheme: scheme,
  };
}

function buildLocationView(
  run: SimulationRun,
  location: string,
  base: string,
  refs: TokenRef[],
): LocationView | null {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return null;
  }
  const pairs = [...url.searchParams.entries()];
  // Fragment responses (response_mode=fragment) carry their parameters after '#'.
  if (url.hash.length > 1) pairs.push(...new URLSearchParams(url.hash.slice(1)).entries());
  return {
    url: url.toString(),
    target: `${url.origin}${url.pathname}`,
    params: paramRows(run, pairs, refs),
    isError: url.searchParams.has('error'),
  };
}

const ISLAND = /<script type="application\/json" id="sim-page">([\s\S]*?)<\/script>/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : formatValue(value);
}

/** The visible text of an HTML document: scripts and tags removed, entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<\/(h1|p|li|button|pre)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((line) => (line.startsWith('{') ? (prettyJson(line) ?? line) : line))
    .join('\n');
}

function buildPageView(run: SimulationRun, html: string, refs: TokenRef[]): PageView {
  const readable = pageText(html);
  const match = ISLAND.exec(html);
  let island: unknown = null;
  try {
    island = match?.[1] ? (JSON.parse(match[1]) as unknown) : null;
  } catch {
    island = null;
  }
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]?.trim() ?? 'HTML page';
  const appPage: PageView = {
    kind: 'html',
    label: `"${title}"`,
    summary: 'A page the app serves to the browser (not an authority page).',
    fields: [],
    text: readable,
  };
  if (!isRecord(island)) return appPage;
  switch (island['page']) {
    case 'sign-in':
      return {
        kind: 'sign-in',
        label: 'Sign-in page',
        summary: `Asks the user to sign in to continue to ${text(island['appName'])}. The browser stops here until the person signs in.`,
        fields: [],
        text: readable,
      };
    case 'mfa':
      return {
        kind: 'mfa',
        label: 'MFA page',
        summary: `Asks ${text(island['userName'])} to approve a sign-in request: ${text(island['reason'])}`,
        fields: [],
        text: readable,
      };
    case 'consent': {
      const items = Array.isArray(island['items']) ? island['items'].filter(isRecord) : [];
      return {
        kind: 'consent',
        label: 'Consent page',
        summary: `Lists the permissions ${text(island['appName'])} requests and waits for Accept or Cancel.`,
        fields: items.map((item) => ({
          name: `${text(item['resourceName'])}: ${text(item['scope'])}`,
          value: `${text(item['description'])} (granted to ${text(item['clientName'])}${item['adminOnly'] === true ? '; admins only' : ''})`,
          token: null,
        })),
        text: readable,
      };
    }
    case 'error':
      return {
        kind: 'error',
        label: 'Error page',
        summary: `AADSTS${text(island['code'])}: ${text(island['title'])}. The authority shows the error itself and does not redirect: the redirect URI is not trusted yet.`,
        fields: [],
        text: readable,
      };
    case 'form_post': {
      const fields = isRecord(island['fields']) ? island['fields'] : {};
      return {
        kind: 'form_post',
        label: 'Form post (submits itself)',
        summary: `An auto-submitting form: the browser POSTs these fields to ${text(island['action'])} (response_mode=form_post), so nothing travels in the URL.`,
        fields: paramRows(
          run,
          Object.entries(fields).map(([k, v]) => [k, text(v)]),
          refs,
        ),
        text: readable,
      };
    }
    default:
      return appPage;
  }
}

function buildResponseView(
  run: SimulationRun,
  step: SimStep,
  response: HttpResponse,
  refs: TokenRef[],
): ResponseView {
  const pretty = response.body ? prettyJson(response.body) : null;
  const api = engineApi();
  const location = api.getHeader(response.headers, 'location');
  const contentType = api.getHeader(response.headers, 'content-type') ?? '';
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.status >= 200 && response.status < 300,
    raw: api.formatRawResponse(pretty === null ? response : { ...response, body: pretty }),
    bodyIsJson: pretty !== null,
    wwwAuthenticate: api.getHeader(response.headers, 'www-authenticate') ?? null,
    location: location ? buildLocationView(run, location, step.request.url, refs) : null,
    page: contentType.includes('text/html') ? buildPageView(run, response.body, refs) : null,
  };
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
  const form = new Map(engineApi().decodeForm(step.request.body));
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return null;
  const json = engineApi().parseJsonBody(step.response);
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

const detailCache = new WeakMap<SimulationRun, Map<number, StepDetail>>();

/** The inspector's view of one step (cached per run and step). Returns `null` for an index out of range. */
export function buildStepDetail(run: SimulationRun, index: number): StepDetail | null {
  const step = run.steps[index];
  if (!step) return null;
  let perRun = detailCache.get(run);
  if (!perRun) {
    perRun = new Map();
    detailCache.set(run, perRun);
  }
  const cached = perRun.get(index);
  if (cached) return cached;
  const refs = tokensInStep(run, step);
  const detail: StepDetail = {
    step,
    number: index + 1,
    shortLabel: shortenLabel(step.label),
    fromLabel: partyLabel(run, step.from),
    toLabel: partyLabel(run, step.to),
    clock: formatClock(step.time),
    narration: step.narration,
    error: step.error ?? null,
    events: buildEventNotes(run, step),
    request: buildRequestView(run, step, refs),
    response:
      step.kind === 'response' && step.response
        ? buildResponseView(run, step, step.response, refs)
        : null,
    tokens: refs,
    comparison: compareOboTokens(run, step, refs),
  };
  perRun.set(index, detail);
  return detail;
}

// ---------------------------------------------------------------------------------------------
// Decoded tokens

/** One claim row of a decoded token. */
export interface ClaimRow {
  name: string;
  value: string;
  explanation: string;
  /** For time claims: the instant and its distance from the step's simulated time. */
  time: { iso: string; relative: string } | null;
}

/** A decoded JWT ready to render. */
export interface TokenView {
  token: string;
  name: string;
  kindLabel: string;
  /** `v1.0` / `v2.0`, or `null` when the token has no `ver`. */
  versionBadge: string | null;
  summary: string;
  header: { name: string; value: string }[];
  signature: SignatureStatus;
  claims: ClaimRow[];
}

const KIND_LABELS: Record<TokenInspection['kind'], string> = {
  access_token: 'Access token',
  id_token: 'ID token',
  client_assertion: 'Client assertion',
  jwt: 'JWT',
};

/** Decodes a token for display; relative times are measured from `now` (simulated epoch seconds). */
export function buildTokenView(name: string, inspection: TokenInspection, now: number): TokenView {
  return {
    token: inspection.token,
    name,
    kindLabel: KIND_LABELS[inspection.kind],
    versionBadge: inspection.version ? `v${inspection.version}` : null,
    summary: inspection.summary,
    header: Object.entries(inspection.header).map(([key, value]) => ({
      name: key,
      value: formatValue(value),
    })),
    signature: inspection.signature,
    claims: inspection.claims.map((claim) => ({
      name: claim.name,
      value: formatValue(claim.value),
      explanation: claim.explanation,
      time:
        claim.isTime && typeof claim.value === 'number'
          ? { iso: formatClock(claim.value).iso, relative: formatRelative(claim.value, now) }
          : null,
    })),
  };
}

/** A starting fact with its token, for the inspector before step 1. */
export interface StartingFactView {
  title: string;
  description: string;
  holderLabel: string;
  token: TokenRef | null;
}

/** The starting facts of a run, with their tokens named and found. */
export const buildStartingFacts = memoByRun((run: SimulationRun): StartingFactView[] =>
  run.startingFacts.map((fact) => {
    const inspection = run.tokens[fact.token];
    return {
      title: fact.title,
      description: fact.description,
      holderLabel: partyLabel(run, fact.holder),
      token: inspection
        ? {
            token: fact.token,
            name: tokenName(run, fact.token),
            inspection,
            location: `held by ${partyLabel(run, fact.holder)}`,
            message: 'request',
          }
        : null,
    };
  }),
);

const scenarioPartyCache = new WeakMap<ScenarioDefinition, PartyView[]>();

/**
 * The parties of a scenario as the canvas draws them, straight from its definition (labels,
 * kinds, layout), so the diagram appears before the first run has finished. The run's own
 * parties (with variants applied and the authority's URL) replace them when it lands.
 */
export function scenarioParties(scenario: ScenarioDefinition): PartyView[] {
  const cached = scenarioPartyCache.get(scenario);
  if (cached) return cached;
  const parties = scenario.parties.map((p): PartyView => ({
    id: p.id,
    kind: p.kind,
    label: p.label,
    description: p.description,
    ...('appId' in p ? { appId: p.appId } : {}),
    ...('baseUrl' in p ? { url: p.baseUrl } : {}),
    position: scenario.layout[p.id] ?? { x: 0, y: 0 },
  }));
  scenarioPartyCache.set(scenario, parties);
  return parties;
}

/** The parties of a run keyed by id. */
export const partiesById = memoByRun(
  (run: SimulationRun): Map<PartyId, PartyView> => new Map(run.parties.map((p) => [p.id, p])),
);
