// The simulated network: delivers requests to party handlers in-process and records each message as a step.
import type { HttpRequest, HttpResponse } from '../http/message';
import { requestLine } from '../http/message';
import type { SimClock } from './clock';
import { advanceClock } from './clock';
import type { PartyId } from '../model/scenario';
import type { EndpointResult } from '../model/endpoint';
import type { SimStep, TraceEvent } from '../model/trace';

/** What a party handler returns: the one endpoint result type (response, events, failure, error card). */
export type HandlerResult = EndpointResult;

/** A party's request handler on the simulated network. */
export type PartyHandler = (request: HttpRequest) => Promise<EndpointResult>;

/** A step before narration is attached. */
export type RawStep = Omit<SimStep, 'narration'>;

/**
 * A handler bug becomes a visible 500 step instead of a lost run: a JSON body with `error`
 * (`server_error`, RFC 6749 section 4.1.2.1) and `error_description`.
 */
function internalError(error: unknown): EndpointResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    response: {
      status: 500,
      statusText: 'Internal Server Error',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store, no-cache',
      },
      body: JSON.stringify({
        error: 'server_error',
        error_description: `Simulator error: ${message}`,
      }),
    },
    error: {
      title: 'The simulator hit an internal error',
      why: message,
      fix: 'This is a bug in the simulator, not in the protocol. Please report it with the scenario and what-ifs.',
      docs: [],
    },
  };
}

/** An HTTP header name: a token (RFC 9110 section 5.1). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value: visible ASCII, space, tab and obs-text; never CR, LF, NUL or other controls (RFC 9110 section 5.5). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Why `response` cannot be written on the wire (a status outside 200-599, a header name that is
 * not a token, a header value with control or non-Latin-1 characters), or `undefined` when it can.
 * Such a response is a handler bug: sent as is, it would split headers or make `new Response` throw.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.5
 */
export function unsendableReason(response: HttpResponse): string | undefined {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599)
    return `status ${String(response.status)} is not a final HTTP status`;
  for (const [name, value] of Object.entries(response.headers)) {
    if (!HEADER_NAME.test(name)) return `header name ${JSON.stringify(name)} is not a token`;
    if (typeof value !== 'string' || !HEADER_VALUE.test(value))
      return `header ${name} carries characters a header cannot (${JSON.stringify(value)})`;
  }
  return typeof response.body === 'string' ? undefined : 'the body is not text';
}

/** Parses an absolute URL; `undefined` instead of a TypeError. */
function parseUrl(value: unknown): URL | undefined {
  try {
    return new URL(String(value));
  } catch {
    return undefined;
  }
}

/** Calls `handler`; a throw, a rejection or an unsendable response becomes a 500 result. */
async function dispatch(handler: PartyHandler, request: HttpRequest): Promise<EndpointResult> {
  try {
    const result = await handler(request);
    const unsendable = unsendableReason(result.response);
    return unsendable
      ? internalError(new Error(`The response could not be sent: ${unsendable}.`))
      : result;
  } catch (error: unknown) {
    return internalError(error);
  }
}

/** Simulated latency between two messages, seconds. */
export const HOP_SECONDS = 1;

/**
 * Routes requests by URL origin to party handlers, records a request step and a response step
 * per exchange, and attaches pending trace events to the next recorded step.
 */
export class Network {
  readonly steps: RawStep[] = [];
  private pending: TraceEvent[] = [];
  private exchanges = 0;
  private readonly routes = new Map<string, { id: PartyId; handler: PartyHandler }>();

  constructor(private readonly clock: SimClock) {}

  /** Registers `handler` for requests whose origin is `origin` (e.g. `https://login.microsoftonline.com`). */
  register(origin: string, id: PartyId, handler: PartyHandler): void {
    this.routes.set(new URL(origin).origin, { id, handler });
  }

  /** The party id serving `url`, if any. */
  partyFor(url: string): PartyId | undefined {
    const parsed = parseUrl(url);
    return parsed ? this.routes.get(parsed.origin)?.id : undefined;
  }

  /** Records an event; it is attached to the next step recorded. */
  emit(event: TraceEvent): void {
    this.pending.push(event);
  }

  private flush(): TraceEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /**
   * Sends `request` from party `from`; `tag` keys the narration. Resolves with the response and
   * never rejects: an unknown origin gets a 502 response value; a URL that is not absolute gets a
   * 400 JSON `invalid_request` (no step is recorded: the message cannot be addressed); a handler
   * that throws, or answers with a response that cannot be written on the wire, gets a 500 JSON
   * `server_error` step.
   */
  async send(from: PartyId, request: HttpRequest, tag: string): Promise<HttpResponse> {
    const url = parseUrl(request.url);
    if (!url) {
      return {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          error: 'invalid_request',
          error_description: 'The request URL is not an absolute URL.',
        }),
      };
    }
    advanceClock(this.clock, HOP_SECONDS);
    const route = this.routes.get(url.origin);
    const to = route?.id ?? url.host;
    const exchange = ++this.exchanges;
    this.steps.push({
      index: this.steps.length,
      exchange,
      kind: 'request',
      from,
      to,
      time: this.clock.now,
      tag,
      label: `${request.method} ${url.pathname}`,
      request,
      outcome: 'request',
      events: this.flush(),
    });
    const result: EndpointResult = route
      ? await dispatch(route.handler, request)
      : {
          response: {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/plain' },
            body: `No party answers at ${url.origin} (${requestLine(request)}).`,
          },
        };
    for (const event of result.events ?? []) this.emit(event);
    const { response } = result;
    this.steps.push({
      index: this.steps.length,
      exchange,
      kind: 'response',
      from: to,
      to: from,
      time: this.clock.now,
      tag,
      label: `${response.status} ${response.statusText}`.trim(),
      request,
      response,
      // A handler's error card marks the step as an error whatever its status: an error page
      // served with 200, or a redirect that carries error= back to the app.
      outcome:
        result.error || response.status >= 400 || response.status < 200
          ? 'error'
          : response.status >= 300
            ? 'redirect'
            : 'success',
      events: this.flush(),
      ...(result.error ? { error: result.error } : {}),
    });
    return response;
  }
}
