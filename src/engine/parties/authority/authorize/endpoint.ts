// GET /authorize: walk the authorize table, store the flow, continue through the interactions, issue by response_mode.
import { findUser, isMultiTenantSegment } from '../../../directory/directory';
import type { HttpRequest } from '../../../http/message';
import type { TraceEvent } from '../../../model/trace';
import { toBase64Url } from '../../../crypto';
import type { AuthorityEnv, AuthorizeFlow, CheckName } from '../checks/check';
import { mintIdToken } from '../tokens';
import { mintImplicitAccessToken } from './implicit';
import type { AuthorizeContext } from './context';
import { flowOf, requestContext } from './context';
import { clientOf, evaluateFlowConsent } from './interaction-checks';
import type { AuthorizeResult } from './respond';
import { answerFailure, answerStop, checksEvent, deliver, notFoundPage } from './respond';
import { authorizeCheck, authorizeRows, runAuthorizeRows } from './table';

/** Authorization code lifetime, seconds (about 10 minutes, per the auth code flow doc). */
export const CODE_LIFETIME_SECONDS = 600;

/** The endpoint name the trace shows, e.g. `authorize v2.0`. */
const endpointName = (endpoint: 'v1' | 'v2') => `authorize ${endpoint === 'v2' ? 'v2.0' : 'v1.0'}`;

/** The flow the request rows validated, stored until the person has answered every page. */
function storeFlow(ctx: AuthorizeContext): AuthorizeFlow {
  const { env, query, reply, client } = ctx;
  if (!reply || !client || ctx.redirectUri === undefined)
    throw new Error('The authorize flow was built before its request checks passed.');
  const challenge = query.get('code_challenge');
  const flow: AuthorizeFlow = {
    id: env.random.guid(),
    endpoint: ctx.endpoint,
    tenantId: ctx.tenant?.id ?? ctx.tenantSegment.toLowerCase(),
    clientAppId: client.appId,
    redirectTo: reply.redirectTo,
    redirectUri: ctx.redirectUri,
    platform: reply.platform,
    responseType: ctx.responseType,
    responseMode: ctx.responseMode,
    resourceScopes: ctx.resourceScopes,
    oidcScopes: ctx.oidcScopes,
    ...(ctx.state !== undefined ? { state: ctx.state } : {}),
    ...(ctx.nonce !== undefined ? { nonce: ctx.nonce } : {}),
    ...(query.get('prompt') ? { prompt: query.get('prompt') ?? '' } : {}),
    ...(query.get('login_hint') ? { loginHint: query.get('login_hint') ?? '' } : {}),
    ...(challenge
      ? { codeChallenge: challenge, codeChallengeMethod: ctx.codeChallengeMethod ?? 'plain' }
      : {}),
    ...(query.get('claims') ? { claims: query.get('claims') ?? '' } : {}),
  };
  env.flows.set(flow.id, flow);
  return flow;
}

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` (v1: `/oauth2/authorize`): walks `AUTHORIZE_CHECKS` in
 * order. Request failures before the reply URL is validated are error pages (AADSTS90002, 700016,
 * 50194, 50011, 90102), later ones redirect back with `error`, `error_description` and `state`;
 * then sign-in (session cookie), MFA if Conditional Access asks, consent, and the code and/or ID
 * token by `response_mode`. Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export async function handleAuthorize(
  env: AuthorityEnv,
  request: HttpRequest,
  endpoint: 'v1' | 'v2',
  tenantSegment: string,
): Promise<AuthorizeResult> {
  const name = endpointName(endpoint);
  const ctx = requestContext(env, request, endpoint, tenantSegment);
  const passed: CheckName[] = [];
  const checked = await runAuthorizeRows(authorizeRows({ phase: 'request' }), ctx, passed);
  if (checked.kind !== 'passed') return answerStop(ctx, name, passed, checked);
  const reply = ctx.reply;
  const replyMatched: TraceEvent[] = reply
    ? [
        {
          type: 'reply-url.matched',
          registered: reply.registered,
          redirectTo: reply.redirectTo,
          wildcard: reply.wildcard,
          platform: reply.platform,
        },
      ]
    : [];
  ctx.flow = storeFlow(ctx);
  const signedIn = await runAuthorizeRows(authorizeRows({ only: 'user-signed-in' }), ctx, passed);
  if (signedIn.kind === 'failed') return answerStop(ctx, name, passed, signedIn);
  const result =
    signedIn.kind === 'interact'
      ? answerStop(ctx, name, passed, signedIn)
      : await continueFlow(ctx, passed, name);
  return { ...result, events: [...result.events, ...replyMatched] };
}

/**
 * After sign-in: resolves the session's user (through common / organizations the flow moves to
 * the user's tenant), runs the table after `user-signed-in` (MFA, consent) and issues. `passed`
 * already holds `user-signed-in`.
 */
export async function continueFlow(
  ctx: AuthorizeContext,
  passed: CheckName[],
  name: string,
): Promise<AuthorizeResult> {
  const { env } = ctx;
  const flow = flowOf(ctx);
  const session = env.sessions.get(ctx.sessionId ?? '');
  const user = session && findUser(env.directory, session.userId);
  if (!session || !user)
    return {
      response: notFoundPage('Session not found', 'Sign in again.'),
      events: [checksEvent(name, passed)],
    };
  ctx.user = user;
  ctx.amr = session.amr;
  if (isMultiTenantSegment(flow.tenantId)) flow.tenantId = user.tenantId;
  const walked = await runAuthorizeRows(authorizeRows({ after: 'user-signed-in' }), ctx, passed);
  if (walked.kind !== 'passed') return answerStop(ctx, name, passed, walked);
  return issue(ctx, passed, name);
}

/**
 * Every row passed: mint the code, the implicit grant's access token and/or the ID token (with
 * `c_hash` / `at_hash` for what travels with it) and deliver them with `state` and `session_state`.
 */
async function issue(
  ctx: AuthorizeContext,
  passed: CheckName[],
  name: string,
): Promise<AuthorizeResult> {
  const { env } = ctx;
  const flow = flowOf(ctx);
  const sessionId = ctx.sessionId ?? '';
  const userId = ctx.user?.id ?? '';
  const evaluation = ctx.evaluation ?? evaluateFlowConsent(env, flow, userId);
  const events: TraceEvent[] = [checksEvent(name, passed)];
  const params: Record<string, string | undefined> = {};
  if (flow.responseType.includes('code')) {
    const code = `1.${toBase64Url(env.random.bytes(48))}`;
    env.codes.set(code, {
      flow,
      userId,
      amr: ctx.amr,
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
  if (flow.responseType.includes('token') && ctx.user) {
    const implicit = await mintImplicitAccessToken(
      env,
      flow,
      clientOf(env, flow),
      ctx.user,
      ctx.amr,
      evaluation,
    );
    if (implicit && 'failure' in implicit)
      return answerFailure(ctx, name, passed, authorizeCheck('consent-granted'), implicit.failure);
    if (implicit) {
      Object.assign(params, implicit.params);
      events.push(implicit.event);
    }
  }
  if (flow.responseType.includes('id_token') && ctx.user) {
    params.id_token = await mintIdToken(env, {
      tenantId: flow.tenantId,
      client: clientOf(env, flow),
      user: ctx.user,
      endpoint: flow.endpoint,
      amr: ctx.amr,
      sessionId,
      ...(flow.nonce ? { nonce: flow.nonce } : {}),
      ...(params.code ? { code: params.code } : { implicit: true }),
      ...(params.access_token ? { accessToken: params.access_token } : {}),
    });
  }
  params.state = flow.state;
  params.session_state = sessionId;
  env.flows.delete(flow.id);
  return { response: deliver(flow, params, ctx.headers), events };
}
