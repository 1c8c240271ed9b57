// An app registration with the platform's defaults, for the built-in scenarios' directories and
// for the parties the editor adds (Microsoft Graph's application resource, the fields we model).
import type { AppRegistration } from './model';

/** What {@link applicationWithDefaults} needs: who the app is and where it lives; the rest may be given. */
export type ApplicationSpec = Omit<Partial<AppRegistration>, 'api'> &
  Pick<AppRegistration, 'appId' | 'displayName' | 'id' | 'publisherDomain' | 'homeTenantId'> & {
    api?: Partial<AppRegistration['api']>;
  };

/**
 * The registration `spec` describes, with a new registration's defaults for every field it does not
 * give: single tenant (`AzureADMyOrg`), no identifier URI, credentials, app roles, required
 * resource access or redirect URIs, the implicit grant off, v2.0 access tokens
 * (`api.requestedAccessTokenVersion`), no exposed scopes and no known or pre-authorized clients.
 * `api` is merged field by field. Pure; never throws.
 */
export function applicationWithDefaults(spec: ApplicationSpec): AppRegistration {
  return {
    signInAudience: 'AzureADMyOrg',
    identifierUris: [],
    passwordCredentials: [],
    keyCredentials: [],
    appRoles: [],
    requiredResourceAccess: [],
    web: {
      redirectUris: [],
      implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
    },
    spa: { redirectUris: [] },
    publicClient: { redirectUris: [] },
    isFallbackPublicClient: false,
    optionalClaims: { accessToken: [], idToken: [] },
    ...spec,
    api: {
      oauth2PermissionScopes: [],
      requestedAccessTokenVersion: 2,
      knownClientApplications: [],
      preAuthorizedApplications: [],
      ...spec.api,
    },
  };
}
