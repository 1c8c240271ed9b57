// The Request and Response tabs: raw messages, decoded form, query and redirect parameters, the
// bearer token, and an HTML body as a page.
import {
  decodeForm,
  formatRawRequest,
  formatRawResponse,
  getHeader,
  type HttpRequest,
  type HttpResponse,
  type SimStep,
  type SimulationRun,
} from '../../engine/wire';
import { prettyJson } from '../format';
import { buildPageView, type PageView } from './page';
import { paramRows, type ParamRow } from './params';
import type { TokenRef } from './tokens';

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
  /**
   * Trusted subsystem: the request names a user in the header the receiving API trusts
   * (`trustedUserHeader`), outside the token and unsigned; `api` is that API's label.
   */
  unsignedUser: { header: string; user: string; api: string } | null;
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

/** Whether a request's body is `application/x-www-form-urlencoded`. */
export function isFormRequest(request: HttpRequest): boolean {
  return (getHeader(request.headers, 'content-type') ?? '').includes(
    'application/x-www-form-urlencoded',
  );
}

/** The Request tab of a step; `refs` are the step's tokens (see `tokensInStep`). */
export function buildRequestView(run: SimulationRun, step: SimStep, refs: TokenRef[]): RequestView {
  const request = step.request;
  const raw = formatRawRequest(request);
  const url = new URL(request.url);
  const authorization = getHeader(request.headers, 'authorization') ?? null;
  const scheme = authorization ? (authorization.split(' ')[0] ?? null) : null;
  const credential = authorization ? authorization.slice((scheme ?? '').length).trim() : '';
  const bearer =
    scheme?.toLowerCase() === 'bearer' ? (refs.find((r) => r.token === credential) ?? null) : null;
  const contentType = getHeader(request.headers, 'content-type') ?? '';
  const receiver = run.parties.find((p) => p.id === step.to);
  const trustedHeader = receiver?.trustedUserHeader;
  const user = trustedHeader ? getHeader(request.headers, trustedHeader) : undefined;
  return {
    requestLine: raw.split('\n')[0] ?? '',
    raw,
    form: isFormRequest(request) ? paramRows(run, decodeForm(request.body), refs) : null,
    query: paramRows(run, [...url.searchParams.entries()], refs),
    json: contentType.includes('json') && request.body ? prettyJson(request.body) : null,
    bearer,
    authorizationScheme: scheme,
    unsignedUser:
      trustedHeader && user && receiver
        ? { header: trustedHeader, user, api: receiver.label }
        : null,
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

/** The Response tab of a response step; `refs` are the step's tokens. */
export function buildResponseView(
  run: SimulationRun,
  step: SimStep,
  response: HttpResponse,
  refs: TokenRef[],
): ResponseView {
  const pretty = response.body ? prettyJson(response.body) : null;
  const location = getHeader(response.headers, 'location');
  const contentType = getHeader(response.headers, 'content-type') ?? '';
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.status >= 200 && response.status < 300,
    raw: formatRawResponse(pretty === null ? response : { ...response, body: pretty }),
    bodyIsJson: pretty !== null,
    wwwAuthenticate: getHeader(response.headers, 'www-authenticate') ?? null,
    location: location ? buildLocationView(run, location, step.request.url, refs) : null,
    page: contentType.includes('text/html') ? buildPageView(run, response.body, refs) : null,
  };
}
