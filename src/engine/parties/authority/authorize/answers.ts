// The person's answers on the authority's pages: POST /login, /mfa and /consent resume the authorize table.
import { findUser, isMultiTenantSegment } from '../../../directory/directory';
import { decodeForm } from '../../../http/message';
import type { HttpRequest } from '../../../http/message';
import type { TraceEvent } from '../../../model/trace';
import type { AuthorityEnv, AuthorizeFlow } from '../checks/check';
import { recordConsent } from '../consent';
import { answerAdminConsent, resumeAdminConsent } from './admin-consent';
import { readCookie, resumeContext, SESSION_COOKIE } from './context';
import { continueFlow } from './endpoint';
import { clientOf, evaluateFlowConsent } from './interaction-checks';
import type { AuthorizeResult } from './respond';
import { answerFailure, htmlPage, notFoundPage } from './respond';
import { authorizeCheck } from './table';

function flowFrom(
  env: AuthorityEnv,
  request: HttpRequest,
): { flow?: AuthorizeFlow; form: Map<string, string> } {
  const form = new Map(decodeForm(request.body));
  const flow = env.flows.get(form.get('flow') ?? '');
  return { ...(flow ? { flow } : {}), form };
}

const flowLost = (): AuthorizeResult => ({
  response: notFoundPage(
    'Request not found',
    'This sign-in request has expired or was already completed. Start again from the app.',
  ),
  events: [],
});

/**
 * `POST /{tenant}/login`: the user signs in (an unknown login shows the sign-in page again); sets
 * the ESTSAUTH session cookie and resumes the table after `user-signed-in`.
 */
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
      response: htmlPage(200, {
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
  const ctx = resumeContext(env, flow, sessionId, setCookie);
  const result = flow.adminConsent
    ? await resumeAdminConsent(ctx, ['user-signed-in'])
    : await continueFlow(ctx, ['user-signed-in'], 'sign-in');
  const signedIn: TraceEvent = {
    type: 'user.signed-in',
    userId: user.id,
    userName: user.displayName,
    amr: ['pwd'],
  };
  return { ...result, events: [signedIn, ...result.events] };
}

/**
 * `POST /{tenant}/mfa`: the user's answer to the second factor. `mfa=approve` adds `mfa` to the
 * session's `amr` and resumes the table; anything else (a denial) fails `mfa-satisfied` with
 * AADSTS500121, an error page (the catalogue's `presentation`), never a redirect.
 */
export async function handleMfa(env: AuthorityEnv, request: HttpRequest): Promise<AuthorizeResult> {
  const { flow, form } = flowFrom(env, request);
  const sessionId = readCookie(request, SESSION_COOKIE) ?? '';
  const session = env.sessions.get(sessionId);
  if (!flow || !session) return flowLost();
  const user = findUser(env.directory, session.userId);
  const ctx = resumeContext(env, flow, sessionId);
  if (form.get('mfa') !== 'approve') {
    // The person denied the second factor: the authority shows its error page; the app hears nothing.
    env.flows.delete(flow.id);
    const args = { userName: user?.displayName ?? 'The user' };
    const row = authorizeCheck('mfa-satisfied');
    return answerFailure(ctx, 'mfa', ['user-signed-in'], row, { code: 500121, args });
  }
  session.amr = [...new Set([...session.amr, 'mfa'])];
  const result = await continueFlow(ctx, ['user-signed-in'], 'mfa');
  const signedIn: TraceEvent = {
    type: 'user.signed-in',
    userId: session.userId,
    userName: user?.displayName ?? '',
    amr: session.amr,
  };
  return { ...result, events: [signedIn, ...result.events] };
}

/**
 * `POST /{tenant}/consent`: the user's answer to the consent prompt. Accept records
 * `oAuth2PermissionGrant`s (tenant-wide when an admin ticks "on behalf of your organization")
 * and resumes the table; Cancel fails `consent-granted` with AADSTS65004, redirected back to the
 * app by `response_mode` with `error=consent_required`.
 */
export async function handleConsent(
  env: AuthorityEnv,
  request: HttpRequest,
): Promise<AuthorizeResult> {
  const { flow, form } = flowFrom(env, request);
  const sessionId = readCookie(request, SESSION_COOKIE) ?? '';
  const session = env.sessions.get(sessionId);
  const user = session && findUser(env.directory, session.userId);
  if (!flow || !session || !user) return flowLost();
  const ctx = resumeContext(env, flow, sessionId);
  if (flow.adminConsent) return answerAdminConsent(ctx, user, form.get('consent') === 'accept');
  if (form.get('consent') !== 'accept') {
    const row = authorizeCheck('consent-granted');
    return answerFailure(ctx, 'consent', ['user-signed-in'], row, { code: 65004, args: {} });
  }
  const evaluation = evaluateFlowConsent(env, flow, user.id);
  const forOrganization = form.get('for_organization') === 'true' && user.isAdmin;
  recordConsent(env.directory, flow.tenantId, user, evaluation.toPrompt, forOrganization, () =>
    env.random.guid(),
  );
  const recorded: TraceEvent = {
    type: 'consent.recorded',
    grants: evaluation.toPrompt.map((i) => `${i.clientName} -> ${i.resourceName}: ${i.scope}`),
    forOrganization,
  };
  const result = await continueFlow(ctx, ['user-signed-in'], 'consent');
  return { ...result, events: [recorded, ...result.events] };
}
