// The directory's data model, named as Microsoft Graph names it: applications, service principals, grants.

/**
 * A delegated permission an API exposes (`api.oauth2PermissionScopes`, Graph `permissionScope`).
 * `type: 'User'` lets users consent; `'Admin'` needs an administrator.
 * @see https://learn.microsoft.com/graph/api/resources/permissionscope
 */
export interface PermissionScope {
  id: string;
  value: string;
  type: 'User' | 'Admin';
  isEnabled: boolean;
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  userConsentDisplayName?: string;
  userConsentDescription?: string;
}

/**
 * An app role (Graph `appRole`). `allowedMemberTypes` containing `'Application'` makes it an
 * application permission that lands in `roles` of app-only tokens.
 * @see https://learn.microsoft.com/graph/api/resources/approle
 */
export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: ('User' | 'Application')[];
  isEnabled: boolean;
}

/** A client secret (`passwordCredentials[]`). Times are epoch seconds. The simulator keeps the secret text. */
export interface PasswordCredential {
  keyId: string;
  displayName: string;
  /** The first three characters, as the portal shows them. */
  hint: string;
  secretText: string;
  startDateTime: number;
  endDateTime: number;
}

/**
 * A certificate credential (`keyCredentials[]`): a real X.509 certificate, DER as standard base64.
 * Times are epoch seconds. `usage: 'Verify'` is a client credential (the app signs client
 * assertions, the authority verifies them); `usage: 'Sign'` is a **custom token-signing key**, as
 * enterprise SSO apps have: the authority signs the tokens it issues to that app with this key
 * instead of its own, and they validate only against the app's keys (`?appid=` on the metadata
 * and keys URLs), so such an app cannot be an On-Behalf-Of middle tier.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
export interface KeyCredential {
  keyId: string;
  displayName: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify' | 'Sign';
  key: string;
  startDateTime: number;
  endDateTime: number;
}

/** One entry of `requiredResourceAccess[].resourceAccess`. */
export interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}

/** A static permission request (`requiredResourceAccess[]`). */
export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

/** `api.preAuthorizedApplications[]`: scopes a client gets without a consent prompt. */
export interface PreAuthorizedApplication {
  appId: string;
  permissionIds: string[];
}

/** Who may sign in to an app (`signInAudience`). */
export type SignInAudience =
  | 'AzureADMyOrg'
  | 'AzureADMultipleOrgs'
  | 'AzureADandPersonalMicrosoftAccount'
  | 'PersonalMicrosoftAccount';

/**
 * An app registration (Graph `application`), with the attributes the token service reads.
 * @see https://learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest
 */
export interface AppRegistration {
  appId: string;
  id: string;
  displayName: string;
  publisherDomain: string;
  homeTenantId: string;
  signInAudience: SignInAudience;
  identifierUris: string[];
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
  api: {
    oauth2PermissionScopes: PermissionScope[];
    /** Access-token format for this resource: `null`/`1` = v1.0, `2` = v2.0. */
    requestedAccessTokenVersion: 1 | 2 | null;
    knownClientApplications: string[];
    preAuthorizedApplications: PreAuthorizedApplication[];
  };
  appRoles: AppRole[];
  requiredResourceAccess: RequiredResourceAccess[];
  web: {
    redirectUris: string[];
    implicitGrantSettings: { enableIdTokenIssuance: boolean; enableAccessTokenIssuance: boolean };
  };
  spa: { redirectUris: string[] };
  publicClient: { redirectUris: string[] };
  isFallbackPublicClient: boolean;
  /** Optional claims this resource asks for in its access tokens (e.g. `idtyp`). */
  optionalClaims: { accessToken: { name: string }[]; idToken: { name: string }[] };
}

/** An app's local instance in a tenant (Graph `servicePrincipal`). */
export interface ServicePrincipal {
  id: string;
  appId: string;
  tenantId: string;
  displayName: string;
  appRoleAssignmentRequired: boolean;
}

/**
 * A delegated-permission grant (Graph `oAuth2PermissionGrant`). `clientId` and `resourceId` are
 * **service principal** object ids; `scope` is space-separated.
 * @see https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant
 */
export interface OAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

/**
 * An app role assignment (Graph `appRoleAssignment`): with `principalType: 'ServicePrincipal'` it
 * is an admin-consented application permission.
 * @see https://learn.microsoft.com/graph/api/resources/approleassignment
 */
export interface AppRoleAssignment {
  id: string;
  principalId: string;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
  resourceId: string;
  appRoleId: string;
}

/** A directory user. `isAdmin` stands for holding an admin role that may grant tenant-wide consent. */
export interface User {
  id: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  isAdmin: boolean;
  /**
   * Refresh tokens issued before this time (epoch seconds) are revoked: set by "revoke sessions"
   * or a password reset (Graph `signInSessionsValidFromDateTime`).
   */
  signInSessionsValidFromDateTime?: number;
  /**
   * Whether the user has registered a method for multifactor authentication (Graph
   * `userRegistrationDetails.isMfaRegistered`); absent means registered. A user who must do MFA
   * but has no method registered must enrol first (AADSTS50079 instead of 50076).
   * @see https://learn.microsoft.com/graph/api/resources/userregistrationdetails
   */
  isMfaRegistered?: boolean;
}

/** A Conditional Access policy, reduced to what the simulator enforces: MFA for named resources. */
export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  /** App ids of the resources (cloud apps) the policy targets. */
  resourceAppIds: string[];
  grantControls: 'mfa'[];
}

/** A tenant (directory). */
export interface Tenant {
  id: string;
  displayName: string;
  /** Verified domains, e.g. `contoso.onmicrosoft.com`. */
  domains: string[];
}

/** Everything the authority knows. Plain data: scenarios build it, variants override it. */
export interface Directory {
  tenants: Tenant[];
  users: User[];
  applications: AppRegistration[];
  servicePrincipals: ServicePrincipal[];
  oauth2PermissionGrants: OAuth2PermissionGrant[];
  appRoleAssignments: AppRoleAssignment[];
  conditionalAccessPolicies: ConditionalAccessPolicy[];
}
