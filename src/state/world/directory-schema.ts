// The directory half of an edited world, in zod: tenants, users, app registrations, grants, policies.
// Field names and meanings follow src/engine/directory/model.ts (Microsoft Graph's names).
import { z } from 'zod';
import '../link/schema'; // z.config({ jitless: true }): the CSP forbids eval.

/** Text fields: non-empty-capable strings with a length cap so a pasted world cannot balloon. */
const text = (max = 2000) => z.string().max(max);
/** Epoch seconds. */
const epochSeconds = z.number().int().min(0).max(32_503_680_000);
/** A GUID-like or readable id (the simulator's fixtures use readable GUIDs). */
const id = z.string().min(1).max(200);

/** `api.oauth2PermissionScopes[]` (Graph `permissionScope`). */
export const permissionScopeSchema = z
  .object({
    id,
    value: z.string().min(1).max(200),
    type: z.enum(['User', 'Admin']),
    isEnabled: z.boolean(),
    adminConsentDisplayName: text(),
    adminConsentDescription: text(),
    userConsentDisplayName: text().optional(),
    userConsentDescription: text().optional(),
  })
  .strict();

/** `appRoles[]` (Graph `appRole`). */
export const appRoleSchema = z
  .object({
    id,
    value: z.string().min(1).max(200),
    displayName: text(),
    description: text(),
    allowedMemberTypes: z
      .array(z.enum(['User', 'Application']))
      .min(1)
      .max(2),
    isEnabled: z.boolean(),
  })
  .strict();

/** `passwordCredentials[]`: a client secret (the simulator keeps its text). */
export const passwordCredentialSchema = z
  .object({
    keyId: id,
    displayName: text(200),
    hint: z.string().max(3),
    secretText: z.string().min(1).max(500),
    startDateTime: epochSeconds,
    endDateTime: epochSeconds,
  })
  .strict();

/** `keyCredentials[]`: an X.509 certificate as standard base64 DER. */
export const keyCredentialSchema = z
  .object({
    keyId: id,
    displayName: text(200),
    type: z.literal('AsymmetricX509Cert'),
    usage: z.enum(['Verify', 'Sign']),
    key: z
      .string()
      .min(1)
      .max(20_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Expected the certificate DER as standard base64.'),
    startDateTime: epochSeconds,
    endDateTime: epochSeconds,
  })
  .strict();

const redirectUri = z.string().min(1).max(2000);

/** An app registration (Graph `application`) with the attributes the token service reads. */
export const appRegistrationSchema = z
  .object({
    appId: id,
    id,
    displayName: z.string().min(1).max(200),
    publisherDomain: text(200),
    homeTenantId: id,
    signInAudience: z.enum([
      'AzureADMyOrg',
      'AzureADMultipleOrgs',
      'AzureADandPersonalMicrosoftAccount',
      'PersonalMicrosoftAccount',
    ]),
    identifierUris: z.array(z.string().min(1).max(500)).max(50),
    passwordCredentials: z.array(passwordCredentialSchema).max(20),
    keyCredentials: z.array(keyCredentialSchema).max(20),
    api: z
      .object({
        oauth2PermissionScopes: z.array(permissionScopeSchema).max(100),
        requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2), z.null()]),
        knownClientApplications: z.array(id).max(100),
        preAuthorizedApplications: z
          .array(z.object({ appId: id, permissionIds: z.array(id).max(100) }).strict())
          .max(100),
      })
      .strict(),
    appRoles: z.array(appRoleSchema).max(100),
    requiredResourceAccess: z
      .array(
        z
          .object({
            resourceAppId: id,
            resourceAccess: z
              .array(z.object({ id, type: z.enum(['Scope', 'Role']) }).strict())
              .max(100),
          })
          .strict(),
      )
      .max(100),
    web: z
      .object({
        redirectUris: z.array(redirectUri).max(100),
        implicitGrantSettings: z
          .object({ enableIdTokenIssuance: z.boolean(), enableAccessTokenIssuance: z.boolean() })
          .strict(),
      })
      .strict(),
    spa: z.object({ redirectUris: z.array(redirectUri).max(100) }).strict(),
    publicClient: z.object({ redirectUris: z.array(redirectUri).max(100) }).strict(),
    isFallbackPublicClient: z.boolean(),
    optionalClaims: z
      .object({
        accessToken: z.array(z.object({ name: z.string().min(1).max(100) }).strict()).max(50),
        idToken: z.array(z.object({ name: z.string().min(1).max(100) }).strict()).max(50),
      })
      .strict(),
  })
  .strict();

/** The directory: everything the authority knows (see `Directory` in the engine). */
export const directorySchema = z
  .object({
    tenants: z
      .array(
        z
          .object({
            id,
            displayName: z.string().min(1).max(200),
            domains: z.array(z.string().min(1).max(253)).max(20),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    users: z
      .array(
        z
          .object({
            id,
            tenantId: id,
            displayName: z.string().min(1).max(200),
            userPrincipalName: z.string().min(1).max(300),
            isAdmin: z.boolean(),
            signInSessionsValidFromDateTime: epochSeconds.optional(),
            isMfaRegistered: z.boolean().optional(),
          })
          .strict(),
      )
      .max(200),
    applications: z.array(appRegistrationSchema).max(200),
    servicePrincipals: z
      .array(
        z
          .object({
            id,
            appId: id,
            tenantId: id,
            displayName: z.string().min(1).max(200),
            appRoleAssignmentRequired: z.boolean(),
          })
          .strict(),
      )
      .max(400),
    oauth2PermissionGrants: z
      .array(
        z
          .object({
            id,
            clientId: id,
            consentType: z.enum(['AllPrincipals', 'Principal']),
            principalId: id.nullable(),
            resourceId: id,
            scope: z.string().max(2000),
          })
          .strict(),
      )
      .max(1000),
    appRoleAssignments: z
      .array(
        z
          .object({
            id,
            principalId: id,
            principalType: z.enum(['User', 'Group', 'ServicePrincipal']),
            resourceId: id,
            appRoleId: id,
          })
          .strict(),
      )
      .max(1000),
    conditionalAccessPolicies: z
      .array(
        z
          .object({
            id,
            displayName: z.string().min(1).max(200),
            resourceAppIds: z.array(id).max(100),
            grantControls: z.array(z.literal('mfa')).max(1),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
