// The authorize endpoint (v1 and v2) and the sign-in, MFA and consent pages behind it.
import type { TraceEvent } from '../../model/trace';
import {
  findApplication,
  findServicePrincipal,
  findTenant,
  findUser,
  isMultiTenantSegment,
  parseScopeValue,
} from '../../directory/directory';
import type { AppRegistration } from '../../directory/model';
import { AADSTS, fillTemplate } from '../../errors';
import type { AadstsCode } from '../../errors';
import { decodeForm, getHeader, safeDecodeURIComponent, statusText } from '../../http/message';
import type { HttpRequest, HttpResponse } from '../../http/message';
import type { AuthorityEnv, AuthorizeFlow, CheckName } from './checks/check';
import { evaluateConsent, recordConsent, resolveRequestedResources } from './consent';
import type { ConsentEvaluation } from './consent';
import { AUTHORITY_ORIGIN } from './keys';
import type { AuthorityPage } from './pages';
import { renderPage } from './pages';
import { matchRedirectUri } from './reply-url';
import { mintIdToken } from './tokens';
import { formatAadTimestamp } from '../../core/clock';
import { toBase64Url } from '../../crypto';

/** Name of the authority's session cookie (the platform's is ESTSAUTH). */
export const SESSION_COOKIE = 'ESTSAUTH';

/** Authorization code lifetime, seconds (about 10 minutes, per the auth code flow doc). */
export const CODE_LIFETIME_SECONDS = 600;

/** A handled authorize-side request: the response, its events, and the failure (if any) for the error card. */
export interface AuthorizeResult {
  response: HttpResponse;
  events: TraceEvent[];
  failure?: { code: AadstsCode; args: Record<string, string | undefined> };
}

const html = (
  status: number,
  page: AuthorityPage,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  statusText: statusText(status),
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store, no-cache',
    ...headers,
  },
  body: renderPage(page),
});

const redirect = (location: string, headers: Record<string, string> = {}): HttpResponse => ({
  status: 302,
  statusText: statusText(302),
  headers: { Location: location, 'Cache-Control': 'no-store, no-cache', ...headers },
  body: '',
});

function cookie(request: HttpRequest, name: string): string | undefined {
  for (const part of (getHeader(request.headers, 'Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function errorDescription(
  env: AuthorityEnv,
  code: AadstsCode,
  args: Record<string, string | undefined>,
): string {
  const entry = AADSTS[code];
  return `AADSTS${code}: ${fillTemplate(entry.message, args)} Trace ID: ${env.random.guid()} Correlation ID: ${env.random.guid()} Timestamp: ${formatAadTimestamp(env.clock.now)}`;
}

/** Delivers response parameters to the client by `response_mode` (query, fragment or form_post). */
function deliver(
  flow: Pick<AuthorizeFlow, 'redirectTo' | 'responseMode'>,
  params: Record<string, string | undefined>,
  headers: Record<string, string> = {},
): HttpResponse {
  const fields = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  if (flow.responseMode === 'form_post')
    return html(200, { page: 'form_post', action: flow.redirectTo, fields }, headers);
  const encoded = new URLSearchParams(fields).toString();
  const separator =
    flow.responseMode === 'fragment' ? '#' : flow.redirectTo.includes('?') ? '&' : '?';
  return redirect(`${flow.redirectTo}${separator}${encoded}`, headers);
}

function checksEvent(
  endpoint: string,
  passed: CheckName[],
  failed?: { check: CheckName; code: AadstsCode; args?: Record<string, string | undefined> },
): TraceEvent {
  return {
    type: 'authority.checks',
    endpoint,
    passed: [...passed],
    ...(failed ? { failed: { check: failed.check, code: failed.code } } : {}),
  };
}

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` (v1: `/oauth2/authorize`). Processing order as the platform
 * does it: tenant, client and redirect URI failures show an **error page** and never redirect
 * (AADSTS90002, 700016, 50011); later failures redirect back with `error`, `error_description`
 * and `state`. Then sign-in (session cookie), MFA if Conditional Access asks, consent, and the
 * code and/or ID token by `response_mode`. Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export async function handleAuthorize(
  env: AuthorityEnv,
  request: HttpRequest,
  endpoint: 'v1' | 'v2',
  tenantSegment: string,
): Promise<AuthorizeResult> {
  const name = `authorize ${endpoint === 'v2' ? 'v2.0' : 'v1.0'}`;
  const url = new URL(request.url);
  const q = url.searchParams;
  const passed: CheckName[] = [];
  const page = (
    check: CheckName,
    code: AadstsCode,
    args: Record<string, string | undefined> = {},
  ): AuthorizeResult => ({
    response: html(400, {
      page: 'error',
      code,
      title: AADSTS[code].title,
      message: fillTemplate(AADSTS[code].message, args),
    }),
    events: [checksEvent(name, passed, { check, code })],
    failure: { code, args },
  });
  const segment = safeDecodeURIComponent(tenantSegment);
  // `common` / `organizations`: no tenant yet; the signed-in user's tenant becomes the flow's.
  const multiTenant = isMultiTenantSegment(segment);
  const tenant = multiTenant ? undefined : findTenant(env.directory, segment);
  if (!tenant && !multiTenant) return page('tenant-exists', 90002, { tenant: tenantSegment });
  passed.push('tenant-exists');
  const clientId = q.get('client_id') ?? '';
  if (!clientId) return page('client-id-present', 900144, { parameter: 'client_id' });
  passed.push('client-id-present');
  const client = findApplication(env.directory, clientId);
  // A multi-tenant app without a service principal here is still known: consent will create it.
  const provisionable = client && client.signInAudience !== 'AzureADMyOrg';
  if (
    !client ||
    (tenant && !findServicePrincipal(env.directory, tenant.id, clientId) && !provisionable)
  )
    return page('client-registered', 700016, { clientId, tenant: tenantSegment });
  if (multiTenant && !provisionable)
    return page('client-registered', 50194, { appId: client.appId, appName: client.displayName });
  passed.push('client-registered');
  const redirectUri =
    q.get('redirect_uri') ?? client.web.redirectUris[0] ?? client.spa.redirectUris[0] ?? '';
  const match = matchRedirectUri(client, redirectUri);
  if (!match.ok) {
    return match.reason === 'not-absolute'
      ? page('redirect-uri-registered', 90102)
      : page('redirect-uri-registered', 50011, { redirectUri, appId: client.appId });
  }
  passed.push('redirect-uri-registered');
  const replyMatched: TraceEvent = {
    type: 'reply-url.matched',
    registered: match.registered,
    redirectTo: match.redirectTo,
    wildcard: match.wildcard,
    platform: match.platform,
  };

  const responseType = (q.get('response_type') ?? '').split(' ').filter(Boolean);
  const wantsIdToken = responseType.includes('id_token');
  const requestedMode = q.get('response_mode');
  const responseMode: AuthorizeFlow['responseMode'] =
    requestedMode === 'form_post' || requestedMode === 'fragment' || requestedMode === 'query'
      ? requestedMode
      : wantsIdToken
        ? 'fragment'
        : 'query';
  const state = q.get('state') ?? undefined;
  const back = { redirectTo: match.redirectTo, responseMode };
  const fail = (
    check: CheckName,
    code: AadstsCode,
    args: Record<string, string | undefined> = {},
  ): AuthorizeResult => ({
    response: deliver(back, {
      error: AADSTS[code].error,
      error_description: errorDescription(env, code, args),
      error_uri: `${AUTHORITY_ORIGIN}/error?code=${code}`,
      state,
    }),
    events: [checksEvent(name, passed, { check, code })],
    failure: { code, args },
  });
  if (responseType.length === 0)
    return fail('response-type-allowed', 900144, { parameter: 'response_type' });
  if (responseType.some((t) => t !== 'code' && t !== 'id_token')) {
    return fail('response-type-allowed', 9002313, {
      detail: `response_type '${responseType.join(' ')}' is not supported here.`,
    });
  }
  if (wantsIdToken && !client.web.implicitGrantSettings.enableIdTokenIssuance)
    return fail('response-type-allowed', 700054);
  passed.push('response-type-allowed');
  const nonce = q.get('nonce') ?? undefined;
  if (wantsIdToken && !nonce) return fail('nonce-present', 900144, { parameter: 'nonce' });
  passed.push('nonce-present');
  const scopeValues = (q.get('scope') ?? '').split(' ').filter(Boolean);
  // v1.0 names the target with `resource` (and `scope=openid`); v2.0 with scope values.
  const v1Resource = endpoint === 'v1' ? q.get('resource') : null;
  if (scopeValues.length === 0 && !v1Resource) {
    return fail('scopes-known', 900144, { parameter: endpoint === 'v1' ? 'resource' : 'scope' });
  }
  const oidcScopes: string[] = [];
  const resourceScopes: { resource: string; permission: string }[] = v1Resource
    ? [{ resource: v1Resource, permission: '.default' }]
    : [];
  for (const value of scopeValues) {
    const parsed = parseScopeValue(value);
    if (parsed.kind === 'oidc') oidcScopes.push(parsed.value);
    else resourceScopes.push({ resource: parsed.resource, permission: parsed.permission });
  }
  const { unknown } = resolveRequestedResources(env.directory, resourceScopes);
  if (unknown.length > 0) return fail('scopes-known', 70011, { scope: unknown.join(' ') });
  passed.push('scopes-known');
  const method = q.get('code_challenge_method') ?? (q.get('code_challenge') ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    return fail('pkce-challenge-valid', 9002313, {
      detail: `code_challenge_method '${method}' is not supported; use S256.`,
    });
  }
  passed.push('pkce-challenge-valid');

  const flow: AuthorizeFlow = {
    id: env.random.guid(),
    endpoint,
    tenantId: tenant?.id ?? segment.toLowerCase(),
    clientAppId: client.appId,
    redirectTo: match.redirectTo,
    redirectUri,
    platform: match.platform,
    responseType,
    responseMode,
    resourceScopes,
    oidcScopes,
    ...(state !== undefined ? { state } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    ...(q.get('prompt') ? { prompt: q.get('prompt') ?? '' } : {}),
    ...(q.get('login_hint') ? { loginHint: q.get('login_hint') ?? '' } : {}),
    ...(q.get('code_challenge')
      ? {
          codeChallenge: q.get('code_challenge') ?? '',
          codeChallengeMethod: method as 'S256' | 'plain',
        }
      : {}),
    ...(q.get('claims') ? { claims: q.get('claims') ?? '' } : {}),
  };
  env.flows.set(flow.id, flow);
  const sessionId = cookie(request, SESSION_COOKIE);
  const session = sessionId ? env.sessions.get(sessionId) : undefined;
  if (!session || flow.prompt === 'login') {
    if (flow.prompt === 'none') return fail('user-signed-in', 50058);
    return {
      response: html(200, {
        page: 'sign-in',
        flow: flow.id,
        action: `/${flow.tenantId}/login`,
        appName: client.displayName,
        ...(flow.loginHint ? { loginHint: flow.loginHint } : {}),
      }),
      events: [checksEvent(name, passed), replyMatched],
    };
  }
  passed.push('user-signed-in');
  const continued = await continueFlow(env, flow, sessionId ?? '', passed, name);
  return { ...continued, events: [...continued.events, replyMatched] };
}

function clientOf(env: AuthorityEnv, flow: AuthorizeFlow): AppRegistration {
  const client = findApplication(env.directory, flow.clientAppId);
  if (!client) throw new Error(`Client ${flow.clientAppId} vanished during the flow.`);
  return client;
}

function evaluate(env: AuthorityEnv, flow: AuthorizeFlow, userId: string): ConsentEvaluation {
  const user = findUser(env.directory, userId);
  if (!user) throw new Error(`User ${userId} vanished during the flow.`);
  const { resources } = resolveRequestedResources(env.directory, flow.resourceScopes);
  return evaluateConsent(
    env.directory,
    flow.tenantId,
    clientOf(env, flow),
    user,
    resources,
    flow.prompt === 'consent',
  );
}

/** After sign-in: MFA if a policy needs it, consent if permissions are missing, then the response. */
async function continueFlow(
  env: AuthorityEnv,
  flow: AuthorizeFlow,
  sessionId: string,
  passed: CheckName[],
  name: string,
  headers: Record<string, string> = {},
): Promise<AuthorizeResult> {
  const session = env.sessions.get(sessionId);
  const user = session && findUser(env.directory, session.userId);
  if (!session || !user) {
    return {
      response: html(400, {
        page: 'error',
        code: 70000,
        title: 'Session not found',
        message: 'Sign in again.',
      }),
      events: [checksEvent(name, passed)],
    };
  }
  // Through common / organizations, the flow runs in the signed-in user's tenant.
  if (isMultiTenantSegment(flow.tenantId)) flow.tenantId = user.tenantId;
  const back = { redirectTo: flow.redirectTo, responseMode: flow.responseMode };
  const fail = (
    check: CheckName,
    code: AadstsCode,
    args: Record<string, string | undefined> = {},
  ): AuthorizeResult => ({
    response: deliver(
      back,
      {
        error: AADSTS[code].error,
        error_description: errorDescription(env, code, args),
        error_uri: `${AUTHORITY_ORIGIN}/error?code=${code}`,
        state: flow.state,
      },
      headers,
    ),
    events: [checksEvent(name, passed, { check, code })],
    failure: { code, args },
  });
  const { resources } = resolveRequestedResources(env.directory, flow.resourceScopes);
  const policy = env.directory.conditionalAccessPolicies.find(
    (p) =>
      p.grantControls.includes('mfa') &&
      (resources.some((r) => p.resourceAppIds.includes(r.app.appId)) ||
        // A claims request naming the policy (a relayed claims challenge) asks for it explicitly.
        (flow.claims ?? '').includes(p.id)),
  );
  if (policy && !session.amr.includes('mfa')) {
    if (flow.prompt === 'none')
      return fail('mfa-satisfied', 50076, { resourceAppId: policy.resourceAppIds[0] ?? '' });
    return {
      response: html(
        200,
        {
          page: 'mfa',
          flow: flow.id,
          action: `/${flow.tenantId}/mfa`,
          userName: user.displayName,
          reason: `Your organization requires more verification (${policy.displayName}).`,
        },
        headers,
      ),
      events: [checksEvent(name, passed)],
    };
  }
  passed.push('mfa-satisfied');
  const evaluation = evaluate(env, flow, user.id);
  const client = clientOf(env, flow);
  if (evaluation.blockedForUser.length > 0) {
    const scopes = evaluation.blockedForUser.map((i) => `${i.resourceName}: ${i.scope}`).join(', ');
    return {
      response: html(
        200,
        {
          page: 'error',
          code: 90094,
          title: AADSTS[90094].title,
          message: `${client.displayName} needs permission to access resources in your organization that only an admin can grant (${scopes}). Please ask an admin to grant permission to this app before you can use it.`,
          items: evaluation.blockedForUser,
        },
        headers,
      ),
      events: [checksEvent(name, passed, { check: 'consent-granted', code: 90094 })],
      failure: { code: 90094, args: { scopes } },
    };
  }
  if (evaluation.toPrompt.length > 0) {
    if (flow.prompt === 'none')
      return fail('consent-granted', 65001, {
        clientId: client.appId,
        clientName: client.displayName,
      });
    return {
      response: html(
        200,
        {
          page: 'consent',
          flow: flow.id,
          action: `/${flow.tenantId}/consent`,
          appName: client.displayName,
          publisher: client.publisherDomain,
          userName: user.displayName,
          items: evaluation.toPrompt,
          canConsentForOrganization: user.isAdmin,
        },
        headers,
      ),
      events: [
        checksEvent(name, passed),
        {
          type: 'consent.prompted',
          appName: client.displayName,
          scopes: evaluation.toPrompt.map((i) => `${i.resourceName}: ${i.scope}`),
        },
      ],
    };
  }
  passed.push('consent-granted');
  return issue(env, flow, sessionId, session.amr, user.id, evaluation, passed, name, headers);
}

async function issue(
  env: AuthorityEnv,
  flow: AuthorizeFlow,
  sessionId: string,
  amr: string[],
  userId: string,
  evaluation: ConsentEvaluation,
  passed: CheckName[],
  name: string,
  headers: Record<string, string>,
): Promise<AuthorizeResult> {
  const events: TraceEvent[] = [checksEvent(name, passed)];
  const params: Record<string, string | undefined> = {};
  if (flow.responseType.includes('code')) {
    const code = `1.${toBase64Url(env.random.bytes(48))}`;
    env.codes.set(code, {
      flow,
      userId,
      amr,
      sessionId,
      scopesByResource: Object.fromEntries(evaluation.scopesByResource),
      issuedAt: env.clock.now,
      expiresAt: env.clock.now + CODE_LIFETIME_SECONDS,
      redeemed: false,
    });
    params.code = code;
    events.push({
      type: 'code.issued',
      clientAppId: flow.clientAppId,
      pkce: Boolean(flow.codeChallenge),
      expiresIn: CODE_LIFETIME_SECONDS,
    });
  }
  if (flow.responseType.includes('id_token')) {
    const user = findUser(env.directory, userId);
    if (user) {
      params.id_token = await mintIdToken(env, {
        tenantId: flow.tenantId,
        client: clientOf(env, flow),
        user,
        endpoint: flow.endpoint,
        amr,
        sessionId,
        ...(flow.nonce ? { nonce: flow.nonce } : {}),
        ...(params.code ? { code: params.code } : {}),
      });
    }
  }
  params.state = flow.state;
  params.session_state = sessionId;
  env.flows.delete(flow.id);
  return { response: deliver(flow, params, headers), events };
}

function flowFrom(
  env: AuthorityEnv,
  request: HttpRequest,
): { flow?: AuthorizeFlow; form: Map<string, string> } {
  const form = new Map(decodeForm(request.body));
  const flow = env.flows.get(form.get('flow') ?? '');
  return { ...(flow ? { flow } : {}), form };
}

const flowLost = (): AuthorizeResult => ({
  response: html(400, {
    page: 'error',
    code: 70000,
    title: 'Request not found',
    message: 'This sign-in request has expired or was already completed. Start again from the app.',
  }),
  events: [],
});

/** `POST /{tenant}/login`: the user signs in; sets the session cookie and continues the flow. */
export async function handleLogin(
  env: AuthorityEnv,
  request: HttpRequest,
): Promise<AuthorizeResult> {
  const { flow, form } = flowFrom(env, request);
  if (!flow) return flowLost();
  const login = (form.get('login') ?? '').toLowerCase();
  const user = env.directory.users.find(
    (u) =>
      u.userPrincipalName.toLowerCase() === login &&
      (u.tenantId === flow.tenantId || isMultiTenantSegment(flow.tenantId)),
  );
  if (!user) {
    return {
      response: html(200, {
        page: 'sign-in',
        flow: flow.id,
        action: `/${flow.tenantId}/login`,
        appName: clientOf(env, flow).displayName,
      }),
      events: [],
    };
  }
  const sessionId = env.random.guid();
  env.sessions.set(sessionId, { userId: user.id, amr: ['pwd'] });
  const setCookie = {
    'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; path=/; secure; HttpOnly; SameSite=None`,
  };
  const result = await continueFlow(env, flow, sessionId, ['user-signed-in'], 'sign-in', setCookie);
  return {
    ...result,
    events: [
      { type: 'user.signed-in', userId: user.id, userName: user.displayName, amr: ['pwd'] },
      ...result.events,
    ],
  };
}

/**
 * `POST /{tenant}/mfa`: the user's answer to the second factor. `mfa=approve` adds `mfa` to the
 * session's `amr` and continues the flow; anything else (a denial) ends it on the authority's error
 * page with AADSTS500121, never a redirect.
 */
export async function handleMfa(env: AuthorityEnv, request: HttpRequest): Promise<AuthorizeResult> {
  const { flow, form } = flowFrom(env, request);
  const sessionId = cookie(request, SESSION_COOKIE) ?? '';
  const session = env.sessions.get(sessionId);
  if (!flow || !session) return flowLost();
  const user = findUser(env.directory, session.userId);
  if (form.get('mfa') !== 'approve') {
    // The person denied the second factor: the authority shows its error page; the app hears nothing.
    const code: AadstsCode = 500121;
    const args = { userName: user?.displayName ?? 'The user' };
    env.flows.delete(flow.id);
    return {
      response: html(200, {
        page: 'error',
        code,
        title: AADSTS[code].title,
        message: fillTemplate(AADSTS[code].message, args),
      }),
      events: [checksEvent('mfa', ['user-signed-in'], { check: 'mfa-satisfied', code })],
      failure: { code, args },
    };
  }
  session.amr = [...new Set([...session.amr, 'mfa'])];
  const result = await continueFlow(env, flow, sessionId, ['user-signed-in'], 'mfa');
  return {
    ...result,
    events: [
      {
        type: 'user.signed-in',
        userId: session.userId,
        userName: user?.displayName ?? '',
        amr: session.amr,
      },
      ...result.events,
    ],
  };
}

/**
 * `POST /{tenant}/consent`: the user's answer to the consent prompt. Accept records
 * `oAuth2PermissionGrant`s (tenant-wide when an admin ticks "on behalf of your organization")
 * and continues; Cancel redirects back with `error=consent_required` and AADSTS65004.
 */
export async function handleConsent(
  env: AuthorityEnv,
  request: HttpRequest,
): Promise<AuthorizeResult> {
  const { flow, form } = flowFrom(env, request);
  const sessionId = cookie(request, SESSION_COOKIE) ?? '';
  const session = env.sessions.get(sessionId);
  const user = session && findUser(env.directory, session.userId);
  if (!flow || !session || !user) return flowLost();
  if (form.get('consent') !== 'accept') {
    const code: AadstsCode = 65004;
    return {
      response: deliver(flow, {
        error: AADSTS[code].error,
        error_description: errorDescription(env, code, {}),
        error_uri: `${AUTHORITY_ORIGIN}/error?code=${code}`,
        state: flow.state,
      }),
      events: [checksEvent('consent', ['user-signed-in'], { check: 'consent-granted', code })],
      failure: { code, args: {} },
    };
  }
  const evaluation = evaluate(env, flow, user.id);
  const forOrganization = form.get('for_organization') === 'true' && user.isAdmin;
  recordConsent(env.directory, flow.tenantId, user, evaluation.toPrompt, forOrganization, () =>
    env.random.guid(),
  );
  const recorded: TraceEvent = {
    type: 'consent.recorded',
    grants: evaluation.toPrompt.map((i) => `${i.clientName} -> ${i.resourceName}: ${i.scope}`),
    forOrganization,
  };
  const result = await continueFlow(env, flow, sessionId, ['user-signed-in'], 'consent');
  return { ...result, events: [recorded, ...result.events] };
}
