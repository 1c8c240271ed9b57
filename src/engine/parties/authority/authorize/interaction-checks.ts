// The resume rows of the authorize table: signed in, MFA satisfied, consent granted (each may ask the person).
import { findApplication, findUser } from '../../../directory/directory';
import type { AppRegistration, User } from '../../../directory/model';
import type { AuthorityEnv, AuthorizeFlow } from '../checks/check';
import { evaluateConsent, resolveRequestedResources } from '../consent';
import type { ConsentEvaluation } from '../consent';
import type { AuthorizeCheck, AuthorizeContext } from './context';
import { failure, flowOf } from './context';
import { AUTHORIZE_SOURCES as S } from './sources';

/** The flow's client app. Throws `Error` only if the directory lost it mid-flow (a programming error). */
export function clientOf(env: AuthorityEnv, flow: AuthorizeFlow): AppRegistration {
  const client = findApplication(env.directory, flow.clientAppId);
  if (!client) throw new Error(`Client ${flow.clientAppId} vanished during the flow.`);
  return client;
}

/** What consent the flow still needs for `userId`, and what its tokens will carry. */
export function evaluateFlowConsent(
  env: AuthorityEnv,
  flow: AuthorizeFlow,
  userId: string,
): ConsentEvaluation {
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

function userOf(ctx: AuthorizeContext): User {
  if (!ctx.user) throw new Error('An interaction check ran before the session was resolved.');
  return ctx.user;
}

/**
 * The browser has a session with the authority (ESTSAUTH) and `prompt` is not `login`; else the
 * sign-in page, or AADSTS50058 with `prompt=none`. Runs on `GET /authorize` only: the sign-in POST
 * resumes after it.
 */
export const userSignedIn: AuthorizeCheck = {
  name: 'user-signed-in',
  phase: 'resume',
  rule: "The browser has a session with the authority and prompt is not 'login'; otherwise the user signs in (with prompt=none, no page may be shown: login_required).",
  source: S.oidcPrompt,
  run: (ctx) => {
    const flow = flowOf(ctx);
    const session = ctx.cookieSession ? ctx.env.sessions.get(ctx.cookieSession) : undefined;
    if (session && flow.prompt !== 'login') {
      ctx.sessionId = ctx.cookieSession;
      return undefined;
    }
    if (flow.prompt === 'none') return failure(50058);
    return {
      interact: {
        page: 'sign-in',
        flow: flow.id,
        action: `/${flow.tenantId}/login`,
        appName: clientOf(ctx.env, flow).displayName,
        ...(flow.loginHint ? { loginHint: flow.loginHint } : {}),
      },
    };
  },
};

/**
 * No Conditional Access policy requiring MFA applies (to a requested resource, or named by a
 * `claims` request), or the session already has `mfa` in `amr`; else the MFA page, or AADSTS50076
 * with `prompt=none`. A denial on the MFA page is AADSTS500121 (error page).
 */
export const mfaSatisfied: AuthorizeCheck = {
  name: 'mfa-satisfied',
  phase: 'resume',
  rule: "If a Conditional Access policy requires MFA for a requested resource (or a claims challenge names it), the session's amr includes mfa; otherwise the user completes MFA.",
  source: S.conditionalAccess,
  run: (ctx) => {
    const flow = flowOf(ctx);
    const { directory } = ctx.env;
    const { resources } = resolveRequestedResources(directory, flow.resourceScopes);
    const policy = directory.conditionalAccessPolicies.find(
      (p) =>
        p.grantControls.includes('mfa') &&
        (resources.some((r) => p.resourceAppIds.includes(r.app.appId)) ||
          // A claims request naming the policy (a relayed claims challenge) asks for it explicitly.
          (flow.claims ?? '').includes(p.id)),
    );
    if (!policy || ctx.amr.includes('mfa')) return undefined;
    if (flow.prompt === 'none')
      return failure(50076, { resourceAppId: policy.resourceAppIds[0] ?? '' });
    return {
      interact: {
        page: 'mfa',
        flow: flow.id,
        action: `/${flow.tenantId}/mfa`,
        userName: userOf(ctx).displayName,
        reason: `Your organization requires more verification (${policy.displayName}).`,
      },
    };
  },
};

/**
 * Every requested permission is granted (or pre-authorized); else the consent page, AADSTS65001
 * with `prompt=none`, or the AADSTS90094 page when a non-admin would have to grant admin-only
 * permissions. Cancel on the consent page is AADSTS65004.
 */
export const consentGranted: AuthorizeCheck = {
  name: 'consent-granted',
  phase: 'resume',
  rule: 'Every requested permission is already granted to the app (or pre-authorized); otherwise the user consents, and admin-only permissions need an administrator.',
  source: S.consent,
  run: (ctx) => {
    const flow = flowOf(ctx);
    const user = userOf(ctx);
    const evaluation = evaluateFlowConsent(ctx.env, flow, user.id);
    ctx.evaluation = evaluation;
    const client = clientOf(ctx.env, flow);
    if (evaluation.blockedForUser.length > 0) {
      const scopes = evaluation.blockedForUser
        .map((i) => `${i.resourceName}: ${i.scope}`)
        .join(', ');
      return {
        code: 90094,
        args: { scopes },
        page: {
          message: `${client.displayName} needs permission to access resources in your organization that only an admin can grant (${scopes}). Please ask an admin to grant permission to this app before you can use it.`,
          items: evaluation.blockedForUser,
        },
      };
    }
    if (evaluation.toPrompt.length === 0) return undefined;
    if (flow.prompt === 'none')
      return failure(65001, { clientId: client.appId, clientName: client.displayName });
    return {
      interact: {
        page: 'consent',
        flow: flow.id,
        action: `/${flow.tenantId}/consent`,
        appName: client.displayName,
        publisher: client.publisherDomain,
        userName: user.displayName,
        items: evaluation.toPrompt,
        canConsentForOrganization: user.isAdmin,
      },
      events: [
        {
          type: 'consent.prompted',
          appName: client.displayName,
          scopes: evaluation.toPrompt.map((i) => `${i.resourceName}: ${i.scope}`),
        },
      ],
    };
  },
};
