// GET /{tenant}/v2.0/adminconsent (v1: /adminconsent): an admin grants an app's permissions for the whole tenant.
import {
  findApplication,
  findTenant,
  findUser,
  isMultiTenantSegment,
} from '../../../directory/directory';
import type { User } from '../../../directory/model';
import type { HttpRequest } from '../../../http/message';
import type { AuthorityEnv, AuthorizeFlow, CheckName } from '../checks/check';
import { resolveRequestedResources } from '../consent';
import { adminConsentItems, provisionTenant } from '../admin-consent-items';
import type { AuthorizeCheck, AuthorizeContext } from './context';
import { failure, flowOf, requestContext } from './context';
import type { AuthorizeResult } from './respond';
import {
  answerFailure,
  answerStop,
  checksEvent,
  deliver,
  errorDescription,
  notFoundPage,
} from './respond';
import {
  clientIdPresent,
  clientRegistered,
  redirectUriRegistered,
  tenantExists,
} from './request-checks';
import { userSignedIn } from './interaction-checks';
import { AUTHORIZE_SOURCES as S } from './sources';
import { runAuthorizeRows } from './table';

/** The admin consent doc, the source of this endpoint's own rows. */
const ADMIN_CONSENT_SOURCE = {
  label: 'Admin consent on the Microsoft identity platform',
  url: 'https://learn.microsoft.com/entra/identity-platform/v2-admin-consent',
} as const;

/** The endpoint name the trace shows. */
const endpointName = (endpoint: 'v1' | 'v2') =>
  endpoint === 'v2' ? 'adminconsent v2.0' : 'adminconsent v1.0';

/**
 * v2.0 names the permissions in `scope` (required: `{resource}/.default` for the app's static
 * permissions, application permissions included, or delegated scopes); v1.0 has no `scope` and
 * always means the static permissions (AADSTS900144 when v2.0 has none, AADSTS70011 for an unknown
 * resource).
 */
export const adminScopesKnown: AuthorizeCheck = {
  name: 'scopes-known',
  phase: 'request',
  rule: "v2.0: 'scope' names what the admin is asked to grant ({resource}/.default = every permission in the app's requiredResourceAccess, application permissions included), and every resource it names is known; v1.0 always asks for the static permissions.",
  source: ADMIN_CONSENT_SOURCE,
  run: (ctx) => {
    if (ctx.endpoint === 'v1') return undefined;
    const values = (ctx.query.get('scope') ?? '').split(' ').filter(Boolean);
    if (values.length === 0) return failure(900144, { parameter: 'scope' });
    ctx.resourceScopes = [];
    ctx.oidcScopes = [];
    for (const value of values) {
      const slash = value.lastIndexOf('/');
      if (slash <= 0) ctx.oidcScopes.push(value);
      else
        ctx.resourceScopes.push({
          resource: value.slice(0, slash),
          permission: value.slice(slash + 1),
        });
    }
    const { unknown } = resolveRequestedResources(ctx.env.directory, ctx.resourceScopes);
    return unknown.length > 0 ? failure(70011, { scope: unknown.join(' ') }) : undefined;
  },
};

/** The request rows of the admin consent endpoint, in order. */
export const ADMIN_CONSENT_REQUEST_CHECKS: readonly AuthorizeCheck[] = [
  tenantExists,
  clientIdPresent,
  clientRegistered,
  redirectUriRegistered,
  adminScopesKnown,
];

function userOf(ctx: AuthorizeContext): User {
  if (!ctx.user) throw new Error('An admin consent row ran before the session was resolved.');
  return ctx.user;
}

/**
 * Only an administrator can grant tenant-wide consent: a non-admin gets the "Need admin approval"
 * page (AADSTS90094), and the app hears nothing.
 */
export const userIsAdmin: AuthorizeCheck = {
  name: 'user-is-admin',
  phase: 'resume',
  rule: 'Admin consent is granted by an administrator of the tenant (a role such as Cloud Application Administrator or Global Administrator); anyone else sees "Need admin approval".',
  source: ADMIN_CONSENT_SOURCE,
  run: (ctx) => {
    const user = userOf(ctx);
    if (user.isAdmin) return undefined;
    const flow = flowOf(ctx);
    const client = findApplication(ctx.env.directory, flow.clientAppId);
    const items = client
      ? adminConsentItems(ctx.env.directory, flow.tenantId, client, flow.resourceScopes)
      : [];
    const scopes = items.map((i) => `${i.resourceName}: ${i.scope}`).join(', ');
    return {
      code: 90094,
      args: { scopes },
      page: {
        message: `${client?.displayName ?? 'This app'} needs permission to access resources in your organization that only an admin can grant (${scopes}). ${user.displayName} is not an administrator of this tenant: please ask an admin to grant permission to this app before you can use it.`,
        items,
      },
    };
  },
};

/** The admin reviews the permissions on the admin consent page (always shown: the admin consents explicitly). */
export const adminConsentGranted: AuthorizeCheck = {
  name: 'admin-consent-granted',
  phase: 'resume',
  rule: "The admin approves every permission listed, for the whole tenant: consent creates the app's service principal there, its app role assignments (application permissions) and a tenant-wide delegated grant.",
  source: S.consent,
  run: (ctx) => {
    const flow = flowOf(ctx);
    const user = userOf(ctx);
    const client = findApplication(ctx.env.directory, flow.clientAppId);
    if (!client) return failure(700016, { clientId: flow.clientAppId, tenant: flow.tenantId });
    const items = adminConsentItems(ctx.env.directory, flow.tenantId, client, flow.resourceScopes);
    return {
      interact: {
        page: 'consent',
        flow: flow.id,
        action: `/${flow.tenantId}/consent`,
        appName: client.displayName,
        publisher: client.publisherDomain,
        userName: user.displayName,
        items,
        canConsentForOrganization: false,
        adminConsent: true,
      },
      events: [
        {
          type: 'consent.prompted',
          appName: client.displayName,
          scopes: items.map(
            (i) => `${i.resourceName}: ${i.scope}${i.type === 'Role' ? ' (application)' : ''}`,
          ),
        },
      ],
    };
  },
};

/** The rows after sign-in. */
const ADMIN_CONSENT_RESUME_CHECKS: readonly AuthorizeCheck[] = [userIsAdmin, adminConsentGranted];

/**
 * `GET /{tenant}/v2.0/adminconsent?client_id&scope&redirect_uri&state` (v1:
 * `/{tenant}/adminconsent?client_id&redirect_uri&state`): the request rows (tenant, client usable
 * in the tenant, reply URL, scope), then sign-in, `user-is-admin` and the admin consent page.
 * Request failures are error pages (AADSTS90002, 700016, 50011...). Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 */
export async function handleAdminConsent(
  env: AuthorityEnv,
  request: HttpRequest,
  endpoint: 'v1' | 'v2',
  tenantSegment: string,
): Promise<AuthorizeResult> {
  const name = endpointName(endpoint);
  const ctx = requestContext(env, request, endpoint, tenantSegment);
  const passed: CheckName[] = [];
  const checked = await runAuthorizeRows(ADMIN_CONSENT_REQUEST_CHECKS, ctx, passed);
  if (checked.kind !== 'passed') return answerStop(ctx, name, passed, checked);
  const { reply, client } = ctx;
  if (!reply || !client || ctx.redirectUri === undefined)
    throw new Error('The admin consent flow was built before its request checks passed.');
  const flow: AuthorizeFlow = {
    id: env.random.guid(),
    endpoint,
    tenantId: ctx.tenant?.id ?? ctx.tenantSegment.toLowerCase(),
    clientAppId: client.appId,
    redirectTo: reply.redirectTo,
    redirectUri: ctx.redirectUri,
    platform: reply.platform,
    responseType: [],
    responseMode: 'query',
    resourceScopes: ctx.resourceScopes,
    oidcScopes: ctx.oidcScopes,
    adminConsent: true,
    ...(ctx.state !== undefined ? { state: ctx.state } : {}),
  };
  env.flows.set(flow.id, flow);
  ctx.flow = flow;
  const signedIn = await runAuthorizeRows([userSignedIn], ctx, passed);
  if (signedIn.kind !== 'passed') return answerStop(ctx, name, passed, signedIn);
  return resumeAdminConsent(ctx, passed);
}

/**
 * After `user-signed-in` (an existing ESTSAUTH session, or the sign-in page's POST): resolves the
 * session's user (through `organizations` the flow moves to the user's tenant), then runs
 * `user-is-admin` and shows the admin consent page. `passed` holds `user-signed-in`.
 */
export async function resumeAdminConsent(
  ctx: AuthorizeContext,
  passed: CheckName[],
): Promise<AuthorizeResult> {
  const { env } = ctx;
  const flow = flowOf(ctx);
  const name = endpointName(ctx.endpoint);
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
  return continueAdminConsent(ctx, passed);
}

/** `user-is-admin`, then the admin consent page, for a resolved user. */
async function continueAdminConsent(
  ctx: AuthorizeContext,
  passed: CheckName[],
): Promise<AuthorizeResult> {
  const name = endpointName(ctx.endpoint);
  const walked = await runAuthorizeRows(ADMIN_CONSENT_RESUME_CHECKS, ctx, passed);
  if (walked.kind !== 'passed') return answerStop(ctx, name, passed, walked);
  throw new Error('The admin consent page always asks the admin.');
}

/**
 * `POST /{tenant}/consent` for an admin consent flow. Accept creates, in the flow's tenant, the
 * service principals of the client and of every API listed (and of a middle tier's downstream
 * APIs), an app role assignment per application permission and a tenant-wide grant per delegated
 * one, then redirects to the app with `admin_consent=True&tenant=...&scope=...&state=...` (v1:
 * without `scope`). Cancel redirects with `error=consent_required` (AADSTS65004) and
 * `admin_consent=True`, as the doc's error response shows. The answering user must be an admin
 * (`user-is-admin` runs again: AADSTS90094 otherwise).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent#successful-response
 */
export async function answerAdminConsent(
  ctx: AuthorizeContext,
  user: User,
  accept: boolean,
): Promise<AuthorizeResult> {
  const { env } = ctx;
  const flow = flowOf(ctx);
  const name = endpointName(flow.endpoint);
  env.flows.delete(flow.id);
  // The answer is checked again: a posted answer from a non-admin's session grants nothing.
  ctx.user = user;
  const notAdmin = await runAuthorizeRows([userIsAdmin], ctx, ['user-signed-in']);
  if (notAdmin.kind === 'failed')
    return answerFailure(ctx, name, ['user-signed-in'], notAdmin.row, notAdmin.failure);
  const passed: CheckName[] = ['user-signed-in', 'user-is-admin'];
  if (!accept) {
    const row = adminConsentGranted;
    return {
      response: deliver(flow, {
        admin_consent: 'True',
        error: 'consent_required',
        error_description: errorDescription(env, 65004, {}),
        state: flow.state,
      }),
      events: [checksEvent(name, passed, { row, code: 65004 })],
      failure: { code: 65004, args: {} },
    };
  }
  const client = findApplication(env.directory, flow.clientAppId);
  const items = client
    ? adminConsentItems(env.directory, flow.tenantId, client, flow.resourceScopes)
    : [];
  const provisioned = provisionTenant(env, flow.tenantId, flow.clientAppId, user, items);
  const tenant = findTenant(env.directory, flow.tenantId);
  const scope = flow.resourceScopes.map((s) => `${s.resource}/${s.permission}`).join(' ');
  return {
    response: deliver(flow, {
      admin_consent: 'True',
      tenant: tenant?.id ?? flow.tenantId,
      ...(flow.endpoint === 'v2' ? { scope } : {}),
      state: flow.state,
    }),
    events: [
      {
        type: 'consent.recorded',
        grants: items.map(
          (i) =>
            `${i.clientName} -> ${i.resourceName}: ${i.scope}${i.type === 'Role' ? ' (application)' : ''}`,
        ),
        forOrganization: true,
      },
      provisioned,
      checksEvent(name, [...passed, 'admin-consent-granted']),
    ],
  };
}
