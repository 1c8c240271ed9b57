// "Use it to sign in as this app": a generated certificate's key becomes the private_key_jwt
// credential of every party that authenticates as that app.
import type { World } from './schema';

/** A generated key as a world carries it (see `GeneratedSigningKey` in the engine). */
export interface WorldGeneratedKey {
  /** PKCS#8 PEM private key (RFC 7468 section 10). */
  pkcs8: string;
  /** Certificate DER, standard base64 (the `keyCredentials[].key` form). */
  certificate: string;
}

/** The parties (by id) that authenticate as `appId` at the token endpoint: clients, web apps, OBO callers. */
export function partiesSigningInAs(world: World, appId: string): string[] {
  return world.parties
    .filter(
      (p) =>
        'appId' in p &&
        p.appId === appId &&
        ('credential' in p || ('obo' in p && p.obo !== undefined)),
    )
    .map((p) => p.id);
}

/**
 * Sets every party that authenticates as `appId` (a daemon, spa or web app's `credential`, a
 * middle tier's `obo.credential`) to `private_key_jwt` with `key`, PS256 with `x5t#S256` (what
 * MSAL sends), replacing their earlier credential. Other parties are unchanged; a world without such a party is returned as is.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export function signInWithGeneratedKey(world: World, appId: string, key: WorldGeneratedKey): World {
  const ids = new Set(partiesSigningInAs(world, appId));
  if (ids.size === 0) return world;
  const credential = { type: 'private_key_jwt' as const, key, alg: 'PS256' as const };
  return {
    ...world,
    parties: world.parties.map((p) => {
      if (!ids.has(p.id)) return p;
      if ('credential' in p) return { ...p, credential };
      if ('obo' in p && p.obo) return { ...p, obo: { ...p.obo, credential } };
      return p;
    }),
  };
}
