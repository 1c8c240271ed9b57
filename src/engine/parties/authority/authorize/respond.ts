// How the authorize endpoint answers: pages, delivery by response_mode, and failures as a page or a redirect.
import { formatAadTimestamp } from '../../../core/clock';
import { AADSTS, fillTemplate } from '../../../errors';
import type { AadstsCode } from '../../../errors';
import { statusText } from '../../../http/message';
import type { HttpResponse } from '../../../http/message';
import type { TraceEvent } from '../../../model/trace';
import type { AuthorityEnv, AuthorizeFlow, CheckName } from '../checks/check';
import { AUTHORITY_ORIGIN } from '../keys';
import type { AuthorityPage } from '../pages';
import { renderPage } from '../pages';
import type { AuthorizeCheck, AuthorizeContext, AuthorizeFailure } from './context';
import type { TableOutcome } from './table';

/** A handled authorize-side request: the response, its events, and the failure (if any) for the error card. */
export interface AuthorizeResult {
  response: HttpResponse;
  events: TraceEvent[];
  failure?: { code: AadstsCode; args: Record<string, string | undefined> };
}

/** An authority HTML page (`no-store`), with extra `headers` such as `Set-Cookie`. */
export function htmlPage(
  status: number,
  page: AuthorityPage,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    statusText: statusText(status),
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store, no-cache',
      ...headers,
    },
    body: renderPage(page),
  };
}

/**
 * Delivers response parameters to the app, the one place that knows `response_mode`: `query` and
 * `fragment` are a 302 to `redirectTo` with the parameters after `?` (or `&`) or `#`; `form_post`
 * is a 200 page that auto-posts them. Parameters whose value is `undefined` are left out.
 * @see https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
 * @see https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html
 */
export function deliver(
  target: Pick<AuthorizeFlow, 'redirectTo' | 'responseMode'>,
  params: Record<string, string | undefined>,
  headers: Record<string, string> = {},
): HttpResponse {
  const fields = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  if (target.responseMode === 'form_post')
    return htmlPage(200, { page: 'form_post', action: target.redirectTo, fields }, headers);
  const encoded = new URLSearchParams(fields).toString();
  const separator =
    target.responseMode === 'fragment' ? '#' : target.redirectTo.includes('?') ? '&' : '?';
  return {
    status: 302,
    statusText: statusText(302),
    headers: {
      Location: `${target.redirectTo}${separator}${encoded}`,
      'Cache-Control': 'no-store, no-cache',
      ...headers,
    },
    body: '',
  };
}

/** The `authority.checks` event: what passed in order, and the failed check with its rule. */
export function checksEvent(
  endpoint: string,
  passed: readonly CheckName[],
  failed?: { row: AuthorizeCheck; code: AadstsCode },
): TraceEvent {
  return {
    type: 'authority.checks',
    endpoint,
    passed: [...passed],
    ...(failed
      ? {
          failed: {
            check: failed.row.name,
            code: failed.code,
            rule: failed.row.rule,
            source: failed.row.source,
          },
        }
      : {}),
  };
}

/** Where a failure can go back to: the validated reply URL (none before `redirect-uri-registered`). */
function replyTarget(
  ctx: AuthorizeContext,
): Pick<AuthorizeFlow, 'redirectTo' | 'responseMode'> | undefined {
  if (ctx.flow) return { redirectTo: ctx.flow.redirectTo, responseMode: ctx.flow.responseMode };
  if (ctx.reply) return { redirectTo: ctx.reply.redirectTo, responseMode: ctx.responseMode };
  return undefined;
}

/**
 * Answers a failed row of the authorize table. It is an **error page** when there is no validated
 * reply URL yet, or when the catalogue entry's `presentation` is `page` (status 400 for a request
 * row, 200 for an interaction row, as the person is on the authority's pages); otherwise a
 * **redirect** to the app by `response_mode` with `error`, `error_description` (`AADSTSnnnn: ...
 * Trace ID ... Correlation ID ... Timestamp ...`), `error_uri` and `state` (RFC 6749 section
 * 4.1.2.1: never redirect to an unverified redirect URI).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function answerFailure(
  ctx: AuthorizeContext,
  endpoint: string,
  passed: readonly CheckName[],
  row: AuthorizeCheck,
  failure: AuthorizeFailure,
): AuthorizeResult {
  const { env } = ctx;
  const code = failure.code;
  const args = failure.args ?? {};
  const entry = AADSTS[code];
  const target = replyTarget(ctx);
  const response =
    !target || entry.presentation === 'page'
      ? htmlPage(
          row.phase === 'request' ? 400 : 200,
          {
            page: 'error',
            code,
            title: entry.title,
            message: failure.page?.message ?? fillTemplate(entry.message, args),
            ...(failure.page?.items ? { items: failure.page.items } : {}),
          },
          ctx.headers,
        )
      : deliver(
          target,
          {
            error: entry.error,
            error_description: errorDescription(env, code, args),
            error_uri: `${AUTHORITY_ORIGIN}/error?code=${code}`,
            state: ctx.flow?.state ?? ctx.state,
          },
          ctx.headers,
        );
  return {
    response,
    events: [checksEvent(endpoint, passed, { row, code })],
    failure: { code, args },
  };
}

/** `AADSTSnnnn: <message> Trace ID: ... Correlation ID: ... Timestamp: ...`, as error redirects carry it. */
export function errorDescription(
  env: AuthorityEnv,
  code: AadstsCode,
  args: Record<string, string | undefined>,
): string {
  const message = fillTemplate(AADSTS[code].message, args);
  return `AADSTS${code}: ${message} Trace ID: ${env.random.guid()} Correlation ID: ${env.random.guid()} Timestamp: ${formatAadTimestamp(env.clock.now)}`;
}

/** The 400 page for a request the authority cannot tie to a live flow or session (no check ran). */
export function notFoundPage(title: string, message: string): HttpResponse {
  return htmlPage(400, { page: 'error', code: 70000, title, message });
}

/**
 * A stopped walk of an authorize table as the endpoint's answer: the failed row's answer
 * ({@link answerFailure}), or the page the person must act on (200) with the checks passed so far.
 */
export function answerStop(
  ctx: AuthorizeContext,
  name: string,
  passed: readonly CheckName[],
  stop: Exclude<TableOutcome, { kind: 'passed' }>,
): AuthorizeResult {
  if (stop.kind === 'failed') return answerFailure(ctx, name, passed, stop.row, stop.failure);
  return {
    response: htmlPage(200, stop.interact, ctx.headers),
    events: [checksEvent(name, passed), ...(stop.events ?? [])],
  };
}
