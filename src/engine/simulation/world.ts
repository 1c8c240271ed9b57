// Headless use: the scenario's authority and APIs as standard fetch handlers for real clients.
import type { HttpMethod, HttpRequest } from '../http/message';
import { createRuntime, mintStartingTokens } from './runtime';
import type { Runtime } from './runtime';
import { advanceClock } from '../core/clock';
import { applyVariants } from './variants';
import type { ScenarioDefinition } from '../model/scenario';
import type { SimStep } from '../model/trace';

/** A WHATWG fetch handler: `(request: Request) => Promise<Response>`. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A running scenario served over fetch handlers. */
export interface World {
  /**
   * Routes by origin to the authority (`https://login.microsoftonline.com`) or an API's base URL.
   * Never rejects: an internal failure answers 500 with a JSON `error`/`error_description` body.
   */
  fetch: FetchHandler;
  /** The authority only. */
  authority: FetchHandler;
  /** Each API by party id. */
  apis: Record<string, FetchHandler>;
  /** Simulated time, epoch seconds. */
  now(): number;
  /** Moves simulated time forward by `seconds`. */
  advance(seconds: number): void;
  /** The starting tokens (e.g. token A), minted once on first call. */
  startingTokens(): Promise<Record<string, string>>;
  /** Every message exchanged so far, as steps (narration omitted). */
  log(): Omit<SimStep, 'narration'>[];
  runtime: Runtime;
}

async function toHttpRequest(request: Request): Promise<HttpRequest> {
  const method = request.method.toUpperCase() as HttpMethod;
  const body = method === 'GET' ? undefined : await request.text();
  // forEach, not entries(): xmldsigjs's types pull in the DOM lib, whose Headers has no entries().
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method,
    url: request.url,
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** Statuses whose responses have no body (WHATWG Fetch "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** A failure inside the simulator as the fetch handler answers it: 500 with a JSON error body. */
function internalErrorResponse(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  return new Response(
    JSON.stringify({ error: 'server_error', error_description: `Simulator error: ${message}` }),
    {
      status: 500,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store, no-cache',
      },
    },
  );
}

/**
 * Builds a headless world for `scenario` (with `variants` applied and `seed`). Requests pass
 * through the same simulated network as interactive runs, so `log()` shows them as steps.
 * `startTime` (epoch seconds) moves the simulated clock's start, e.g. to the host's time when a
 * real client such as MSAL signs client assertions with its own clock.
 * Throws `Error` for unknown variant ids.
 */
export function createWorld(
  scenario: ScenarioDefinition,
  options: { variants?: string[]; seed?: number; startTime?: number } = {},
): World {
  const effective = applyVariants(scenario, options.variants ?? []);
  if (options.startTime !== undefined) effective.startTime = Math.floor(options.startTime);
  const runtime = createRuntime(effective, options.seed ?? 1);
  const serve = async (request: Request, partyUrl?: string): Promise<Response> => {
    const url = new URL(request.url);
    if (partyUrl && url.origin !== new URL(partyUrl).origin) {
      return new Response(`Not served here: ${url.origin}`, { status: 404 });
    }
    const response = await runtime.network.send(
      'external-client',
      await toHttpRequest(request),
      'external',
    );
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
  const handlerFor =
    (partyUrl?: string): FetchHandler =>
    async (request) => {
      try {
        return await serve(request, partyUrl);
      } catch (error: unknown) {
        return internalErrorResponse(error);
      }
    };
  let tokens: Promise<Record<string, string>> | undefined;
  return {
    fetch: handlerFor(),
    authority: handlerFor(runtime.partyUrls.get(runtime.authority.id)),
    apis: Object.fromEntries(runtime.apis.map((api) => [api.id, handlerFor(api.baseUrl)])),
    now: () => runtime.clock.now,
    advance: (seconds) => advanceClock(runtime.clock, seconds),
    startingTokens: () => {
      tokens ??= mintStartingTokens(runtime).then((map) => Object.fromEntries(map));
      return tokens;
    },
    log: () => [...runtime.network.steps],
    runtime,
  };
}
