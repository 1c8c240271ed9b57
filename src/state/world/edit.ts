// Edits the scenario editor's forms make to a world: plain functions from a world to a new one.
import type { World } from './schema';
import { newSecret, SAML2 } from './add-party';

export { addParty, freeId, NEW_PARTY_KINDS, newSecret } from './add-party';
export type { NewPartyKind } from './add-party';

/** A path into a world, as zod reports it (`['parties', 2, 'obo', 'downstream']`). */
export type WorldPath = readonly (string | number)[];

/**
 * A copy of `root` with `value` at `path` (objects and arrays copied along the path, the rest
 * shared). `undefined` removes an object key. Missing containers on the path are created.
 */
export function setIn<T>(root: T, path: WorldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const node: unknown = root;
  const child = (node as Record<string | number, unknown> | undefined)?.[key as string];
  const next = setIn(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[Number(key)] = next;
    return copy as T;
  }
  const copy = { ...(node as Record<string, unknown>) };
  if (next === undefined) Reflect.deleteProperty(copy, String(key));
  else copy[String(key)] = next;
  return copy as T;
}

/** Removes a party, its place on the canvas and every call to it (programs, OBO, the web app's API). */
export function removeParty(world: World, id: string): World {
  const parties = world.parties
    .filter((p) => p.id !== id)
    .map((p) => {
      if (
        (p.kind === 'daemon' || p.kind === 'spa') &&
        p.program.some((a) => 'target' in a && a.target === id)
      )
        return { ...p, program: p.program.filter((a) => !('target' in a && a.target === id)) };
      if ((p.kind === 'api' || p.kind === 'middle-tier-api') && p.obo?.downstream === id) {
        const { obo: _obo, ...rest } = p;
        return { ...rest, kind: 'api' as const };
      }
      if (p.kind === 'web-app' && p.api?.target === id) {
        const { api: _api, ...rest } = p;
        return rest;
      }
      return p;
    });
  const { [id]: _gone, ...layout } = world.layout;
  return {
    ...world,
    parties,
    layout,
    startingTokens: world.startingTokens.filter((t) => t.holder !== id),
  } as World;
}

/** The service principal id of `appId` in the world (`undefined` when it has none). */
function spOf(world: World, appId: string): string | undefined {
  return world.directory.servicePrincipals.find((s) => s.appId === appId)?.id;
}

/** Adds (or widens) the tenant-wide delegated grant of `scope` from client to resource app. */
function grantDelegated(
  world: World,
  clientAppId: string,
  resourceAppId: string,
  scope: string,
): World {
  const clientId = spOf(world, clientAppId);
  const resourceId = spOf(world, resourceAppId);
  if (!clientId || !resourceId) return world;
  const grants = world.directory.oauth2PermissionGrants;
  const existing = grants.findIndex(
    (g) =>
      g.clientId === clientId && g.resourceId === resourceId && g.consentType === 'AllPrincipals',
  );
  const next =
    existing >= 0
      ? grants.map((g, i) =>
          i === existing && !g.scope.split(' ').includes(scope)
            ? { ...g, scope: `${g.scope} ${scope}`.trim() }
            : g,
        )
      : [
          ...grants,
          {
            id: `grant-${clientAppId.slice(0, 8)}-${resourceAppId.slice(0, 8)}`,
            clientId,
            consentType: 'AllPrincipals' as const,
            principalId: null,
            resourceId,
            scope,
          },
        ];
  return setIn(world, ['directory', 'oauth2PermissionGrants'], next);
}

/** The first delegated scope an API exposes, and its App ID URI (for `scope` strings). */
function scopeOf(world: World, appId: string): { uri: string; scope: string } {
  const app = world.directory.applications.find((a) => a.appId === appId);
  return {
    uri: app?.identifierUris[0] ?? `api://${appId}`,
    scope: app?.api.oauth2PermissionScopes[0]?.value ?? 'Data.Read',
  };
}

/** The flows the editor connects a client to an API with. */
export type ClientFlow = 'client_credentials' | 'delegated';

/**
 * Makes client `clientId` call API `apiId`: with `client_credentials` it acquires an app-only
 * token (`<App ID URI>/.default`, RFC 6749 section 4.4) and the API's app role is granted to it;
 * with `delegated` it holds a user's token for the API (a starting fact; the user consented).
 * The client's program is replaced by the new call. Unknown ids leave the world as it is.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export function connectClient(
  world: World,
  clientId: string,
  apiId: string,
  flow: ClientFlow,
): World {
  const index = world.parties.findIndex((p) => p.id === clientId);
  const client = world.parties[index];
  const api = world.parties.find((p) => p.id === apiId);
  if (!client || (client.kind !== 'daemon' && client.kind !== 'spa') || !api || !('appId' in api))
    return world;
  const { uri, scope } = scopeOf(world, api.appId);
  const token = `token-${apiId}`;
  const call = {
    do: 'call-api' as const,
    id: `call-${apiId}`,
    target: apiId,
    method: 'GET' as const,
    path: '/data',
    token,
  };
  let next: World;
  if (flow === 'client_credentials') {
    next = setIn(
      world,
      ['parties', index, 'program'],
      [
        {
          do: 'acquire-token',
          id: `token-${apiId}`,
          grant: 'client_credentials',
          endpoint: 'v2',
          scope: `${uri}/.default`,
          saveAs: token,
        },
        call,
      ],
    );
    const app = world.directory.applications.find((a) => a.appId === api.appId);
    const role = app?.appRoles.find((r) => r.allowedMemberTypes.includes('Application'));
    const principalId = spOf(world, client.appId);
    const resourceId = spOf(world, api.appId);
    if (
      role &&
      principalId &&
      resourceId &&
      !world.directory.appRoleAssignments.some(
        (a) => a.principalId === principalId && a.appRoleId === role.id,
      )
    )
      next = setIn(
        next,
        ['directory', 'appRoleAssignments'],
        [
          ...next.directory.appRoleAssignments,
          {
            id: `ara-${client.appId.slice(0, 8)}-${api.appId.slice(0, 8)}`,
            principalId,
            principalType: 'ServicePrincipal',
            resourceId,
            appRoleId: role.id,
          },
        ],
      );
    return next;
  }
  const user = world.directory.users[0];
  next = setIn(world, ['parties', index, 'program'], [call]);
  next = {
    ...next,
    startingTokens: [
      ...next.startingTokens.filter((t) => t.name !== token),
      {
        name: token,
        holder: clientId,
        title: `${client.label} holds a user's token for ${api.label}`,
        description: `${user?.displayName ?? 'The user'} signed in to ${client.label} earlier; it holds a delegated token for ${api.label}.`,
        spec: {
          kind: 'delegated',
          userId: user?.id ?? '',
          clientAppId: client.appId,
          resource: uri,
          scopes: [scope],
          amr: ['pwd'],
          ageSeconds: 300,
        },
      },
    ],
  } as World;
  return grantDelegated(next, client.appId, api.appId, scope);
}

/**
 * Makes API `fromId` a middle tier that calls API `toId` On-Behalf-Of the user: an OBO call
 * (v2, its first client secret, a new one when it has none, `<App ID URI>/<scope>`) and the tenant-wide delegated grant that
 * lets it. Multi-hop chains are built by connecting each API to the next.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export function connectObo(world: World, fromId: string, toId: string): World {
  const index = world.parties.findIndex((p) => p.id === fromId);
  const from = world.parties[index];
  const to = world.parties.find((p) => p.id === toId);
  if (!from || (from.kind !== 'api' && from.kind !== 'middle-tier-api') || !to || !('appId' in to))
    return world;
  const { uri, scope } = scopeOf(world, to.appId);
  const saml = to.kind === 'saml-service';
  // A middle tier is a confidential client: it gets a secret when its registration has none.
  const appIndex = world.directory.applications.findIndex((a) => a.appId === from.appId);
  let base = world;
  let secret = world.directory.applications[appIndex]?.passwordCredentials[0]?.secretText;
  if (!secret && appIndex >= 0) {
    const fresh = newSecret(world.startTime - 86_400);
    secret = fresh.secretText;
    base = setIn(world, ['directory', 'applications', appIndex, 'passwordCredentials'], [fresh]);
  }
  const credential =
    from.obo?.credential ??
    (secret ? { type: 'client_secret_post' as const, secret } : { type: 'none' as const });
  const next = setIn(base, ['parties', index], {
    ...from,
    kind: 'middle-tier-api',
    obo: {
      id: `obo-${fromId}`,
      credential,
      endpoint: 'v2',
      // A SAML assertion is asked for with the service's entity ID and /.default.
      scope: saml ? `${uri}/.default` : `${uri}/${scope}`,
      ...(saml ? { requestedTokenType: SAML2 } : {}),
      downstream: toId,
      path: '/data',
    },
  });
  return grantDelegated(next, from.appId, to.appId, scope);
}
