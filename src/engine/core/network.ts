// The simulated network: delivers requests to party handlers in-process and records each message as a step.
import type { HttpRequest, HttpResponse } from '../http/message';
import { requestLine } from '../http/message';
import type { SimClock } from './clock';
import { advanceClock } from './clock';
import type { PartyId } from './scenario';
import type { ErrorCard, SimStep, TraceEvent } from './trace';

/** What a party handler returns: the response, events that explain it, and an error card for failures. */
export interface HandlerResult {
  response: HttpResponse;
  events?: TraceEvent[];
  error?: ErrorCard;
}

/** A party's request handler on the simulated network. */
export type PartyHandler = (request: HttpRequest) => Promise<HandlerResult>;

/** A step before narration is attached. */
export type RawStep = Omit<SimStep, 'narration'>;

/** A handler bug becomes a visible 500 step instead of a lost run. */
function internalError(error: unknown): HandlerResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    response: {
      status: 500,
      statusText: 'Internal Server Error',
      headers: { 'Content-Type': 'text/plain' },
      body: `Simulator error: ${message}`,
    },
    error: {
      title: 'The simulator hit an internal error',
      why: message,
      fix: 'This is a bug in the simulator, not in the protocol. Please report it with the scenario and what-ifs.',
      docs: [],
    },
  };
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
    return this.routes.get(new URL(url).origin)?.id;
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
   * Sends `request` from party `from`; `tag` keys the narration. Resolves with the response
   * (an unknown origin gets a 502 response value, never a rejection).
   */
  async send(from: PartyId, request: HttpRequest, tag: string): Promise<HttpResponse> {
    advanceClock(this.clock, HOP_SECONDS);
    const route = this.routes.get(new URL(request.url).origin);
    const to = route?.id ?? new URL(request.url).host;
    const exchange = ++this.exchanges;
    const url = new URL(request.url);
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
    const result: HandlerResult = route
      ? await route.handler(request).catch((error: unknown) => internalError(error))
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
