// Turns a read HAR into a run the simulator's views read: steps, parties, decoded tokens, errors.
import { getHeader } from '../../engine/wire';
import type * as Engine from '../../engine/index';
import type {
  ErrorCard,
  Narration,
  PartyId,
  ScenarioId,
  SimStep,
  SimulationRun,
  TokenInspection,
} from '../../engine/index';
import { collectSecrets, createScrubber, redactRequest, redactResponse } from '../export/redact';
import type { HarLog, HarProblem } from './read';
import { formOf, jwtsIn } from './hosts';
import { inferParties, type ReplayParty, type Route } from './parties';
import {
  isIdentityMessage,
  recogniseMessage,
  type NarrationDraft,
  type RecognisedMessage,
} from './recognise';

/** What the replay needs from the lazily loaded engine chunk. */
export type ReplayEngine = Pick<
  typeof Engine,
  'inspectToken' | 'isTokenDecodeError' | 'cardForCode' | 'sightTokens' | 'DOCS'
>;

/** The most messages (request/response pairs) a replay shows; later ones are left out with a note. */
export const MAX_REPLAY_EXCHANGES = 300;

/** Form parameters of the authority's own pages that carry session state (masked like secrets). */
const SESSION_PARAMETERS: readonly string[] = ['flowToken', 'ctx', 'canary', 'sFT', 'hpgrequestid'];

/** A HAR ready to show: parties, routed and recognised messages, decoded tokens, error cards. */
export interface ReplaySource {
  fileName: string;
  creator: string;
  parties: ReplayParty[];
  messages: RecognisedMessage[];
  routes: Route[];
  /** The error card of each message's response (same order as `messages`), if it failed. */
  cards: (ErrorCard | undefined)[];
  tokens: Record<string, TokenInspection>;
  /** What was left out and why, one sentence each. */
  notes: string[];
  docs: ReplayEngine['DOCS'];
  sightTokens: ReplayEngine['sightTokens'];
}

/** How a replay is shown: the person's names for parties, and whether secrets are revealed. */
export interface ReplayView {
  names: Readonly<Record<PartyId, string>>;
  showSecrets: boolean;
  /** The store's scenario id, carried by the run value (a replay belongs to no scenario). */
  scenarioId: ScenarioId;
}

/** The error card of a failed response: the AADSTS catalogue's, else what the response says. */
function cardFor(message: RecognisedMessage, engine: ReplayEngine): ErrorCard | undefined {
  const { failure } = message;
  if (!failure) return undefined;
  const form = formOf(message.message.request);
  const tenant = /^\/([^/]+)\//.exec(
    new URL(message.message.request.url, 'https://x').pathname,
  )?.[1];
  const args = {
    appId: form.client_id,
    clientId: form.client_id,
    tenant,
    scope: form.scope,
    scopes: form.scope,
    resource: form.resource,
    grantType: form.grant_type,
  };
  const known = engine.cardForCode(failure.code, args);
  const unfilled = (text: string): string => text.replace(/\{\w+\}/g, '(not in the capture)');
  if (known) {
    return { ...known, why: unfilled(known.why), fix: unfilled(known.fix) };
  }
  const { status, statusText } = message.message.response;
  const challenge = getHeader(message.message.response.headers, 'www-authenticate');
  return {
    ...(failure.error ? { error: failure.error } : {}),
    title:
      failure.code !== undefined
        ? `AADSTS${failure.code}${failure.error ? ` (${failure.error})` : ''}`
        : (failure.error ?? `${status} ${statusText}`.trim()),
    why:
      failure.description ??
      (challenge
        ? `The server refused the request: WWW-Authenticate: ${challenge}`
        : `The server answered ${status} ${statusText}.`),
    fix:
      failure.code !== undefined
        ? `The simulator's catalogue has no entry for AADSTS${failure.code}: look the code up in the error reference (or at https://login.microsoftonline.com/error?code=${failure.code}).`
        : 'Read the response body and headers (Response tab) for the reason.',
    docs: [engine.DOCS.errors],
  };
}

/** Decodes every JWT of the messages with the engine's decoder (claims explained; offline check). */
async function decodeTokens(
  messages: readonly RecognisedMessage[],
  engine: ReplayEngine,
): Promise<Record<string, TokenInspection>> {
  const found = new Set<string>();
  for (const { message } of messages) {
    const { request, response } = message;
    const texts = [request.url, ...Object.values(request.headers), request.body ?? ''];
    texts.push(...Object.values(response.headers), response.body);
    for (const text of texts) for (const token of jwtsIn(text)) found.add(token);
  }
  const tokens: Record<string, TokenInspection> = {};
  for (const token of found) {
    const result = await engine.inspectToken(token);
    if (!engine.isTokenDecodeError(result)) tokens[token] = result;
  }
  return tokens;
}

/**
 * Recognises, routes and decodes the identity messages of a read HAR. Resolves to a
 * `no-identity` problem when no message is to the identity platform, to Graph, carries a bearer
 * token, a reply (code, id_token, error) or a JWT. Never rejects for odd content: the engine's
 * decoder refuses malformed tokens without throwing.
 */
export async function prepareReplay(
  log: HarLog,
  fileName: string,
  engine: ReplayEngine,
): Promise<{ ok: true; source: ReplaySource } | { ok: false; problem: HarProblem }> {
  const identity = log.messages.filter(isIdentityMessage);
  if (identity.length === 0) {
    return {
      ok: false,
      problem: {
        kind: 'no-identity',
        message: `This HAR has ${log.messages.length} request${log.messages.length === 1 ? '' : 's'}, but none to the Microsoft identity platform (login.microsoftonline.com and its friends), none with a bearer token or a JWT: there is no sign-in or token call to replay. Record again with the Network panel open from before the sign-in ("Preserve log" on).`,
      },
    };
  }
  const notes = [...log.notes];
  const skipped = log.messages.length - identity.length;
  if (skipped > 0)
    notes.push(
      `${skipped} other request${skipped === 1 ? '' : 's'} (pages, scripts, images...) left out: they carry no token and do not go to the identity platform.`,
    );
  if (identity.length > MAX_REPLAY_EXCHANGES)
    notes.push(
      `Only the first ${MAX_REPLAY_EXCHANGES} of ${identity.length} identity requests are shown.`,
    );
  const messages = identity.slice(0, MAX_REPLAY_EXCHANGES).map(recogniseMessage);
  const { parties, routes } = inferParties(messages);
  return {
    ok: true,
    source: {
      fileName,
      creator: log.creator,
      parties,
      messages,
      routes,
      cards: messages.map((message) => cardFor(message, engine)),
      tokens: await decodeTokens(messages, engine),
      notes,
      docs: engine.DOCS,
      sightTokens: engine.sightTokens,
    },
  };
}

function narration(draft: NarrationDraft, docs: ReplayEngine['DOCS']): Narration {
  return { title: draft.title, text: draft.text, docs: draft.docs.map((name) => docs[name]) };
}

/** The steps in wire order: each request when it started, each response when it ended. */
function orderedSteps(source: ReplaySource): SimStep[] {
  const events = source.messages.flatMap((message, exchange) => [
    { exchange, kind: 'request' as const, at: message.message.started },
    { exchange, kind: 'response' as const, at: message.message.ended },
  ]);
  events.sort((a, b) => a.at - b.at || a.exchange - b.exchange);
  return events.flatMap((event, index): SimStep[] => {
    const recognised = source.messages[event.exchange];
    const route = source.routes[event.exchange];
    if (!recognised || !route) return [];
    const { request, response } = recognised.message;
    const time = Math.floor(event.at / 1000);
    if (event.kind === 'request') {
      const step: SimStep = {
        index,
        exchange: event.exchange,
        kind: 'request',
        from: route.from,
        to: route.to,
        time,
        tag: `har.${recognised.kind}`,
        label: recognised.label,
        request,
        outcome: 'request',
        events: [],
        narration: narration(recognised.request, source.docs),
      };
      return [step];
    }
    const card = source.cards[event.exchange];
    const step: SimStep = {
      index,
      exchange: event.exchange,
      kind: 'response',
      from: route.to,
      to: route.from,
      time,
      tag: `har.${recognised.kind}`,
      label: `${response.status} ${response.statusText}`.trim(),
      request,
      response,
      outcome: recognised.outcome,
      events: [],
      narration: narration(recognised.response, source.docs),
      ...(card ? { error: card } : {}),
    };
    return [step];
  });
}

/** The steps with secrets masked: credentials, codes, refresh tokens, cookies, passwords, session state. */
function maskSteps(run: SimulationRun): SimStep[] {
  const { steps, tokens } = run;
  const secrets = [...collectSecrets(run)].filter((value) => !(value in tokens));
  for (const step of steps) {
    const form = formOf(step.request);
    for (const name of SESSION_PARAMETERS)
      if (form[name] && form[name].length >= 4) secrets.push(form[name]);
    // A HAR's repeated Set-Cookie headers arrive joined by line breaks: each cookie's value.
    const setCookie = step.response ? getHeader(step.response.headers, 'set-cookie') : undefined;
    for (const cookie of setCookie?.split('\n') ?? []) {
      const value = cookie.split(';')[0]?.split('=').slice(1).join('=').trim() ?? '';
      if (value.length >= 4) secrets.push(value);
    }
  }
  const scrub = createScrubber(secrets);
  return steps.map((step) => ({
    ...step,
    request: redactRequest(step.request, scrub),
    ...(step.response ? { response: redactResponse(step.response, scrub) } : {}),
  }));
}

/**
 * The replay as a {@link SimulationRun} for the canvas, timeline and inspector: one step per
 * message (request, then response; responses carry both), parties renamed by `view.names`, every
 * JWT decoded in `tokens` with where it travelled, and, unless `view.showSecrets`, client
 * secrets, passwords, codes, verifiers, refresh tokens, cookies and session state replaced by the
 * redaction marker (JWTs stay: they are shown decoded). Times are epoch seconds of the capture.
 * The run never stops at a prompt: a replay has no what-ifs and no decisions.
 */
export function renderReplay(source: ReplaySource, view: ReplayView): SimulationRun {
  const clear = assemble(source, view, orderedSteps(source));
  return view.showSecrets ? clear : assemble(source, view, maskSteps(clear));
}

function assemble(source: ReplaySource, view: ReplayView, steps: SimStep[]): SimulationRun {
  const errors = steps.filter((step) => step.outcome === 'error');
  const decisive = errors.find((step) => step.error?.code !== undefined) ?? errors[0];
  const exchanges = source.messages.length;
  return {
    scenarioId: view.scenarioId,
    title: `HAR replay: ${source.fileName}`,
    variants: [],
    seed: 0,
    startTime: steps[0]?.time ?? 0,
    parties: source.parties.map((party) => ({
      ...party,
      label: view.names[party.id]?.trim() || party.label,
    })),
    startingFacts: [],
    steps,
    tokens: source.tokens,
    tokenSightings: source.sightTokens(steps, Object.keys(source.tokens)),
    result: {
      ok: errors.length === 0,
      summary: `${exchanges} request${exchanges === 1 ? '' : 's'} replayed from ${source.fileName}${errors.length ? `; ${errors.length} answered with an error${decisive?.error ? ` (${decisive.error.title})` : ''}` : ''}`,
      ...(decisive ? { failedStep: decisive.index } : {}),
    },
    decisions: [],
  };
}
