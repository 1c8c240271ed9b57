// Adding parties in the scenario editor: a registration, a service principal, a secret, a place.
import { fromUint8Array } from 'js-base64';
import type {
  ApiParty,
  AppRegistration,
  ClientParty,
  PasswordCredential,
  SamlServiceParty,
} from '../../engine/index';
import { applicationWithDefaults } from '../../engine/wire';
import type { World } from './schema';

/** Party kinds the editor can add, with what each one is for. */
export const NEW_PARTY_KINDS = {
  daemon: 'Client (daemon, its own identity)',
  spa: 'Client (single-page app, a signed-in user)',
  'middle-tier-api': 'Middle-tier API (calls another On-Behalf-Of)',
  api: 'Downstream API',
  'saml-service': 'SAML service (takes a SAML assertion On-Behalf-Of the user)',
} as const;

/** A kind {@link addParty} can add. */
export type NewPartyKind = keyof typeof NEW_PARTY_KINDS;

/** Random bytes from the platform's CSPRNG (WebCrypto `getRandomValues`). */
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A new simulator-only client secret (`passwordCredentials[]` entry): 30 random bytes in
 * base64url after a `Sim~` marker, valid for `lifetimeSeconds` from `now` (epoch seconds).
 * @see https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials
 */
export function newSecret(now: number, lifetimeSeconds = 180 * 86_400): PasswordCredential {
  const secretText = `Sim~${fromUint8Array(randomBytes(30), true)}`;
  return {
    keyId: globalThis.crypto.randomUUID(),
    displayName: 'Editor secret',
    hint: secretText.slice(0, 3),
    secretText,
    startDateTime: now,
    endDateTime: now + lifetimeSeconds,
  };
}

/** A party id not used yet: `base`, else `base-2`, `base-3`... */
export function freeId(world: World, base: string): string {
  const used = new Set(world.parties.map((p) => p.id));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function registration(
  world: World,
  appId: string,
  name: string,
  id: string,
  api: boolean,
): AppRegistration {
  return applicationWithDefaults({
    appId,
    id: globalThis.crypto.randomUUID(),
    displayName: name,
    publisherDomain: world.directory.tenants[0]?.domains[0] ?? 'contoso.onmicrosoft.com',
    homeTenantId: world.tenantId,
    identifierUris: api ? [`api://${id}`] : [],
    api: {
      oauth2PermissionScopes: api
        ? [
            {
              id: globalThis.crypto.randomUUID(),
              value: 'Data.Read',
              type: 'User',
              isEnabled: true,
              adminConsentDisplayName: `Read ${name} data`,
              adminConsentDescription: `Read ${name} data as the signed-in user`,
            },
          ]
        : [],
    },
    appRoles: api
      ? [
          {
            id: globalThis.crypto.randomUUID(),
            value: 'Data.Read.All',
            displayName: `Read all ${name} data`,
            description: `Read all ${name} data as an application`,
            allowedMemberTypes: ['Application'],
            isEnabled: true,
          },
        ]
      : [],
  });
}

/**
 * Adds a party of `kind` named `label` with its app registration (an API exposes the delegated
 * scope `Data.Read` and the app role `Data.Read.All`; a daemon or middle tier gets a new secret),
 * its service principal, and a place on the canvas right of the rest. Connect it afterwards.
 */
export function addParty(world: World, kind: NewPartyKind, label: string): World {
  if (kind === 'saml-service') return addSamlService(world, label);
  const isApi = kind === 'api' || kind === 'middle-tier-api';
  const id = freeId(world, kind === 'spa' || kind === 'daemon' ? 'client' : 'api');
  const appId = globalThis.crypto.randomUUID();
  const app = registration(world, appId, label, id, isApi);
  const secret = kind === 'spa' ? undefined : newSecret(world.startTime - 86_400);
  if (secret) app.passwordCredentials.push(secret);
  const party: ClientParty | ApiParty = isApi
    ? {
        id,
        kind,
        label,
        appId,
        description: `${label}: added in the editor.`,
        baseUrl: `https://${id}.contoso.example`,
        validation: {
          audiences: [appId, `api://${id}`],
          validateAudience: true,
          requiredScopes: ['Data.Read'],
          requiredRoles: ['Data.Read.All'],
          allowAppOnly: true,
          clockToleranceSeconds: 300,
        },
        data: { from: label },
      }
    : {
        id,
        kind,
        label,
        appId,
        description: `${label}: added in the editor.`,
        credential: secret
          ? { type: 'client_secret_post', secret: secret.secretText }
          : { type: 'none' },
        program: [],
      };
  return withParty(world, party, app);
}

/** The URN a middle tier asks for to get a SAML 2.0 assertion On-Behalf-Of (RFC 8693 token type). */
export const SAML2 = 'urn:ietf:params:oauth:token-type:saml2' as const;

/**
 * Adds a SAML service: a web service that accepts SAML 2.0 bearer assertions (entity ID = its
 * https origin, the audience; assertion consumer URL `/saml/acs`), with a registration whose App ID
 * URI is the entity ID and which exposes `user_impersonation`, and its service principal.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
function addSamlService(world: World, label: string): World {
  const id = freeId(world, 'saml-service');
  const appId = globalThis.crypto.randomUUID();
  const entityId = `https://${id}.contoso.example`;
  const app = registration(world, appId, label, id, true);
  app.identifierUris = [entityId];
  app.web.redirectUris = [`${entityId}/saml/acs`];
  app.appRoles = [];
  app.api.requestedAccessTokenVersion = null;
  const scope = app.api.oauth2PermissionScopes[0];
  if (scope) scope.value = 'user_impersonation';
  const party: SamlServiceParty = {
    id,
    kind: 'saml-service',
    label,
    appId,
    description: `${label}: a SAML-only web service, added in the editor.`,
    baseUrl: entityId,
    entityId,
    recipientUrl: `${entityId}/saml/acs`,
    samlVersion: '2.0',
    clockToleranceSeconds: 300,
    data: { from: label },
  };
  return withParty(world, party, app);
}

/** `world` with a new party, its registration, its service principal and a canvas place. */
function withParty(world: World, party: World['parties'][number], app: AppRegistration): World {
  const right = Math.max(0, ...Object.values(world.layout).map((p) => p.x)) + 320;
  return {
    ...world,
    parties: [...world.parties, party],
    directory: {
      ...world.directory,
      applications: [...world.directory.applications, app],
      servicePrincipals: [
        ...world.directory.servicePrincipals,
        {
          id: `sp-${app.appId}`,
          appId: app.appId,
          tenantId: world.tenantId,
          displayName: party.label,
          appRoleAssignmentRequired: false,
        },
      ],
    },
    layout: { ...world.layout, [party.id]: { x: right, y: 40 } },
  } as World;
}
