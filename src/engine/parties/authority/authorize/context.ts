// What one authorize-side request knows while its checks run, and the shape of a check of the authorize table.
import type { AppRegistration, Tenant, User } from '../../../directory/model';
import { isMultiTenantSegment } from '../../../directory/directory';
import type { AadstsCode } from '../../../errors';
import { getHeader, safeDecodeURIComponent } from '../../../http/message';
import type { HttpRequest } from '../../../http/message';
import type { TraceEvent } from '../../../model/trace';
import type { AuthorityEnv, AuthorizeFlow, CheckFailure, Rule } from '../checks/check';
import type { ConsentEvaluation, ConsentItem } from '../consent';
import type { AuthorityPage } from '../pages';
import type { ReplyUrlMatch } from '../reply-url';

/** Name of the authority's session cookie (the platform's is ESTSAUTH). */
export const SESSION_COOKIE = 'ESTSAUTH';

/** A failing authorize check: the AADSTS code and arguments, and, for an error page, its own text. */
export interface AuthorizeFailure extends CheckFailure {
  /** Replaces the catalogue message on the error page (e.g. the admin-only permissions listed). */
  page?: { message: string; items?: ConsentItem[] };
}

/** The person must act before the rule can hold: show `page` (sign-in, MFA, consent) and wait. */
export interface Interaction {
  interact: AuthorityPage;
  /** Events that explain the page (e.g. `consent.prompted`). */
  events?: TraceEvent[];
}

/** What a check of the authorize table returns: nothing when the rule holds. */
export type AuthorizeOutcome = AuthorizeFailure | Interaction | undefined;

/**
 * One row of `AUTHORIZE_CHECKS`. `request` rows validate the `GET /authorize` query; `resume` rows
 * are the interaction steps (signed in, MFA, consent) that run again whenever the person answers a
 * page. Every row states its rule and source, which the inspector shows when it fails.
 */
export interface AuthorizeCheck extends Rule {
  phase: 'request' | 'resume';
  source: NonNullable<Rule['source']>;
  run(ctx: AuthorizeContext): AuthorizeOutcome | Promise<AuthorizeOutcome>;
}

/**
 * Mutable context of one authorize-side request: the parsed query first, then what the checks
 * resolve (tenant, client, matched reply URL), then the flow, session and consent evaluation the
 * interaction rows read.
 */
export interface AuthorizeContext {
  readonly env: AuthorityEnv;
  readonly endpoint: 'v1' | 'v2';
  /** The authorize request's query (empty when a POST resumes a stored flow). */
  readonly query: URLSearchParams;
  /** The `{tenant}` path segment as sent (error messages quote it). */
  readonly tenantSegment: string;
  /** `common` / `organizations`: no tenant yet; the signed-in user's tenant becomes the flow's. */
  readonly multiTenant: boolean;
  /** The session id from the request's ESTSAUTH cookie, if any. */
  readonly cookieSession?: string;
  readonly responseType: string[];
  readonly responseMode: AuthorizeFlow['responseMode'];
  readonly state?: string;
  readonly nonce?: string;
  tenant?: Tenant;
  clientId?: string;
  client?: AppRegistration;
  /** The redirect_uri as sent (or the registered default). */
  redirectUri?: string;
  /** Set once `redirect-uri-registered` passes: from then on failures can go back to the app. */
  reply?: Extract<ReplyUrlMatch, { ok: true }>;
  resourceScopes: { resource: string; permission: string }[];
  oidcScopes: string[];
  codeChallengeMethod?: 'S256' | 'plain';
  /** The flow: built once the request rows pass, or the stored one a POST resumes. */
  flow?: AuthorizeFlow;
  /** The authority session (ESTSAUTH) the flow continues in, once the user is signed in. */
  sessionId?: string;
  /** The signed-in user and the session's authentication methods (`amr`). */
  user?: User;
  amr: string[];
  /** Filled by `consent-granted`: what the token will carry once consent is complete. */
  evaluation?: ConsentEvaluation;
  /** Headers every answer of this request carries (the session cookie right after sign-in). */
  headers: Record<string, string>;
}

/** Reads cookie `name` from the request's `Cookie` header. */
export function readCookie(request: HttpRequest, name: string): string | undefined {
  for (const part of (getHeader(request.headers, 'Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The context of `GET /{tenant}/oauth2[/v2.0]/authorize`: `response_mode` defaults to `fragment`
 * when an ID token or an implicit access token is asked for, else `query` (OIDC Core section 3.1.2.1, auth code flow doc).
 */
export function requestContext(
  env: AuthorityEnv,
  request: HttpRequest,
  endpoint: 'v1' | 'v2',
  tenantSegment: string,
): AuthorizeContext {
  const query = new URL(request.url).searchParams;
  const responseType = (query.get('response_type') ?? '').split(' ').filter(Boolean);
  const requestedMode = query.get('response_mode');
  const responseMode: AuthorizeFlow['responseMode'] =
    requestedMode === 'form_post' || requestedMode === 'fragment' || requestedMode === 'query'
      ? requestedMode
      : responseType.includes('id_token') || responseType.includes('token')
        ? 'fragment'
        : 'query';
  const cookieSession = readCookie(request, SESSION_COOKIE);
  const state = query.get('state') ?? undefined;
  const nonce = query.get('nonce') ?? undefined;
  return {
    env,
    endpoint,
    query,
    tenantSegment,
    multiTenant: isMultiTenantSegment(safeDecodeURIComponent(tenantSegment)),
    responseType,
    responseMode,
    resourceScopes: [],
    oidcScopes: [],
    amr: [],
    headers: {},
    ...(cookieSession !== undefined ? { cookieSession } : {}),
    ...(state !== undefined ? { state } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
  };
}

/** The context of a POST that resumes stored `flow` in session `sessionId` (a person's answer). */
export function resumeContext(
  env: AuthorityEnv,
  flow: AuthorizeFlow,
  sessionId: string,
  headers: Record<string, string> = {},
): AuthorizeContext {
  return {
    env,
    endpoint: flow.endpoint,
    query: new URLSearchParams(),
    tenantSegment: flow.tenantId,
    multiTenant: isMultiTenantSegment(flow.tenantId),
    responseType: flow.responseType,
    responseMode: flow.responseMode,
    resourceScopes: flow.resourceScopes,
    oidcScopes: flow.oidcScopes,
    flow,
    sessionId,
    amr: [],
    headers,
    ...(flow.state !== undefined ? { state: flow.state } : {}),
    ...(flow.nonce !== undefined ? { nonce: flow.nonce } : {}),
  };
}

/** The flow of a context past the request rows. Throws `Error` only on a programming error. */
export function flowOf(ctx: AuthorizeContext): AuthorizeFlow {
  if (!ctx.flow) throw new Error('An interaction check ran before the authorize flow existed.');
  return ctx.flow;
}

/** A failure of `code` with the catalogue message's `args`. */
export const failure = (
  code: AadstsCode,
  args: Record<string, string | undefined> = {},
): AuthorizeFailure => ({ code, args });
