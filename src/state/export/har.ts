// Export of a run as an HTTP Archive (HAR 1.2) that browsers' network panels and HAR viewers open.
import type {
  Cookie,
  Entry,
  Har,
  Header,
  PostData,
  QueryString,
  Request,
  Response,
} from 'har-format';
import type { HttpRequest, HttpResponse, SimStep, SimulationRun } from '../../engine/index';
import { version as APP_VERSION } from '../../../package.json';
import { collectSecrets, createScrubber, redactRequest, redactResponse } from './redact';

/** The `creator.name` of every HAR this app writes. */
export const HAR_CREATOR_NAME = 'OAuth Flow Simulator';

/** Options of {@link toHar}. */
export interface HarOptions {
  /** Replace credentials and tokens with a marker (see `redact.ts` for the list). */
  redact: boolean;
  /** `creator.version`; default the app's version from package.json. */
  creatorVersion?: string;
}

const encoder = new TextEncoder();

/** Size of `text` in bytes once encoded as UTF-8. */
function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Epoch seconds of the simulated clock as an ISO 8601 date-time (`2026-03-02T09:00:01.000Z`). */
function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}

/** Header case-insensitive lookup. */
function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function headerList(headers: Record<string, string>): Header[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/** Cookies of a `Cookie` request header: `a=b; c=d`. */
function requestCookies(headers: Record<string, string>): Cookie[] {
  const value = header(headers, 'Cookie');
  if (!value) return [];
  return value
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0
        ? { name: pair, value: '' }
        : { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
}

/** The cookie a `Set-Cookie` response header sets, with its attributes (RFC 6265 section 4.1). */
function responseCookies(headers: Record<string, string>): Cookie[] {
  const value = header(headers, 'Set-Cookie');
  if (!value) return [];
  const [pair = '', ...attributes] = value.split(';').map((part) => part.trim());
  const equals = pair.indexOf('=');
  const cookie: Cookie = {
    name: equals < 0 ? pair : pair.slice(0, equals),
    value: equals < 0 ? '' : pair.slice(equals + 1),
  };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const argument = rest.join('=');
    switch (key.toLowerCase()) {
      case 'path':
        cookie.path = argument;
        break;
      case 'domain':
        cookie.domain = argument;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'secure':
        cookie.secure = true;
        break;
    }
  }
  return [cookie];
}

function queryString(url: URL): QueryString[] {
  return [...url.searchParams.entries()].map(([name, value]) => ({ name, value }));
}

/**
 * `postData` of a request with a body: `text` keeps the wire form; form bodies also list `params`
 * (decoded), as Chrome and Firefox write them. HAR 1.2 calls the two mutually exclusive and
 * `@types/har-format` types them so; readers look for either, so both are written.
 */
function postData(request: HttpRequest): PostData | undefined {
  if (request.body === undefined) return undefined;
  const mimeType = header(request.headers, 'Content-Type') ?? 'application/octet-stream';
  if (!/^application\/x-www-form-urlencoded\b/i.test(mimeType)) {
    return { mimeType, text: request.body };
  }
  const params = [...new URLSearchParams(request.body).entries()].map(([name, value]) => ({
    name,
    value,
  }));
  return { mimeType, text: request.body, params } as unknown as PostData;
}

function harRequest(request: HttpRequest): Request {
  const url = new URL(request.url);
  const data = postData(request);
  return {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    cookies: requestCookies(request.headers),
    headers: [{ name: 'Host', value: url.host }, ...headerList(request.headers)],
    queryString: queryString(url),
    ...(data ? { postData: data } : {}),
    headersSize: -1,
    bodySize: request.body === undefined ? 0 : byteLength(request.body),
  };
}

function harResponse(response: HttpResponse | undefined): Response {
  if (!response) {
    // An exchange cut short (never the case for a finished run): HAR viewers show status 0 as failed.
    return {
      status: 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    };
  }
  const size = byteLength(response.body);
  return {
    status: response.status,
    statusText: response.statusText,
    httpVersion: 'HTTP/1.1',
    cookies: responseCookies(response.headers),
    headers: headerList(response.headers),
    content: {
      size,
      mimeType: header(response.headers, 'Content-Type') ?? 'x-unknown',
      text: response.body,
    },
    redirectURL: header(response.headers, 'Location') ?? '',
    headersSize: -1,
    bodySize: size,
  };
}

/** Request steps with the response step of the same exchange, in the order requests were sent. */
export function pairExchanges(run: SimulationRun): { request: SimStep; response?: SimStep }[] {
  const responses = new Map(
    run.steps.filter((step) => step.kind === 'response').map((step) => [step.exchange, step]),
  );
  return run.steps
    .filter((step) => step.kind === 'request')
    .map((request) => ({ request, response: responses.get(request.exchange) }));
}

/**
 * The run as a HAR 1.2 archive: `log.version` `'1.2'`, `creator` {@link HAR_CREATOR_NAME}, one
 * page (the scenario title and what-ifs, started at the first message) and one entry per
 * exchange, in the order requests were sent: a request step and the later response step with the
 * same `exchange` (nested calls a middle tier makes happen in between).
 *
 * Times come from the simulated clock (epoch seconds, one second per hop): `startedDateTime` is
 * the request's time, `time` (ms) the span to its response, all of it `timings.wait` (`send` and
 * `receive` 0, `blocked`/`dns`/`connect`/`ssl` -1: not applicable). Sizes are UTF-8 bytes of the
 * exported text; `headersSize` is -1 (unknown). `Host` is listed first, as HTTP/1.1 sends it.
 * Custom fields: `_steps` (the two step indices), `_from`/`_to` (party ids), `_outcome`, and
 * `_error` (`code`, `error`, `title`) for error steps.
 *
 * With `redact`, every credential (see `collectSecrets` in `redact.ts`) is replaced wherever it
 * appears, in the same encoding, by `[redacted by OAuth Flow Simulator]`.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function toHar(run: SimulationRun, options: HarOptions): Har {
  const scrub = createScrubber(options.redact ? collectSecrets(run) : []);
  const pageId = 'page_1';
  const firstTime = run.steps[0]?.time ?? run.startTime;
  const variants = run.variants.length > 0 ? ` (what-if: ${run.variants.join(', ')})` : '';
  const entries: Entry[] = pairExchanges(run).map(({ request, response }) => {
    const wait = Math.max(0, ((response?.time ?? request.time) - request.time) * 1000);
    const sentRequest = options.redact ? redactRequest(request.request, scrub) : request.request;
    const received =
      response?.response && options.redact
        ? redactResponse(response.response, scrub)
        : response?.response;
    const error = response?.error ?? request.error;
    return {
      pageref: pageId,
      startedDateTime: isoTime(request.time),
      time: wait,
      request: harRequest(sentRequest),
      response: harResponse(received),
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive: 0 },
      _steps: response ? [request.index, response.index] : [request.index],
      _from: request.from,
      _to: request.to,
      _outcome: response?.outcome ?? request.outcome,
      ...(error
        ? { _error: { code: error.code ?? null, error: error.error ?? null, title: error.title } }
        : {}),
    };
  });
  return {
    log: {
      version: '1.2',
      creator: { name: HAR_CREATOR_NAME, version: options.creatorVersion ?? APP_VERSION },
      pages: [
        {
          startedDateTime: isoTime(firstTime),
          id: pageId,
          title: `${run.title}${variants}`,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries,
    },
  };
}
