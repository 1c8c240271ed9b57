// The client credentials grant: an app gets a token as itself, with the application permissions granted to it.
import { assignedApplicationRoles } from '../../../directory/directory';
import { CLIENT_AUTH_CHECKS } from '../checks/client-auth';
import {
  appRoleAssignment,
  notTokenForItself,
  resourceProvisioned,
  resourceRegistered,
  scopeIsDefault,
  scopeSingleResource,
  targetParameterPresent,
} from '../checks/target';
import type { TokenContext } from '../checks/check';
import { resolvedContext } from '../checks/check';
import { mintAccessToken } from '../tokens';
import type { Grant } from './grant';
import { tokenResponseBody } from './grant';

/**
 * `grant_type=client_credentials`: client authentication, then `{resource}/.default`, then a token
 * whose `roles` are the app roles assigned to the client's service principal. No refresh token.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export const CLIENT_CREDENTIALS_GRANT: Grant = {
  checks: [
    ...CLIENT_AUTH_CHECKS,
    targetParameterPresent,
    scopeSingleResource,
    scopeIsDefault,
    resourceRegistered,
    notTokenForItself,
    resourceProvisioned,
    appRoleAssignment,
  ],
  async issue(ctx: TokenContext) {
    const { tenant, client, clientSp, resource } = resolvedContext(ctx);
    const roles = assignedApplicationRoles(ctx.env.directory, clientSp, resource.sp, resource.app);
    const minted = await mintAccessToken(ctx.env, {
      tenantId: tenant.id,
      resourceApp: resource.app,
      resourceIdentifier: resource.identifier,
      client: client,
      clientSp: clientSp,
      clientAuth: ctx.clientAuth ?? '1',
      roles,
    });
    return {
      body: tokenResponseBody(ctx, minted, {}),
      events: [
        {
          type: 'token.issued',
          tokenType: 'access_token',
          version: minted.version,
          audience: String(minted.payload.aud),
          subject: 'app',
          roles,
        },
      ],
    };
  },
};
