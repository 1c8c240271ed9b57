// Minting access tokens in the v1.0 or v2.0 format the resource asks for.
import {
  fixtureCertificateBase64,
  getFixtureKey,
  leftHalfSha256Base64Url,
  sha256Base64Url,
  signJwt,
  toBase64Url,
} from '../../crypto';
import { assignedUserRoles } from '../../directory/directory';
import type { FixtureKeyName } from '../../crypto';
import type { AppRegistration, ServicePrincipal, User } from '../../directory/model';
import type { AuthorityEnv, CheckFailure } from './checks/check';
import { issuerV1, issuerV2 } from './keys';

/** What an access token is for and about. */
export interface AccessTokenSpec {
  tenantId: string;
  resourceApp: AppRegistration;
  /** The identifier the client used for the resource (v1 `aud` repeats it). */
  resourceIdentifier: string;
  client: AppRegistration;
  clientSp: ServicePrincipal;
  /** `'0'` public client, `'1'` secret, `'2'` certificate. */
  clientAuth: '0' | '1' | '2';
  /** Delegated tokens: the user and the granted scopes. */
  user?: User;
  scopes?: string[];
  /**
   * App-only tokens: granted application permissions. Delegated tokens: defaults to the user's
   * app-role assignments on the resource (never the client's application permissions).
   */
  roles?: string[];
  /** How the user authenticated (`pwd`, `mfa`); remembered by the authority behind `aio`. */
  amr?: string[];
  /** Issue time (epoch seconds); defaults to the clock. */
  issuedAt?: number;
  /** Lifetime in seconds; defaults to a random 3600-5400 (the platform's 60-90 minutes). */
  lifetimeSeconds?: number;
  /** Signs with this key instead of the authority's (an app's custom signing key, see {@link customSigningKeyOf}). */
  signingKey?: FixtureKeyName;
}

const FIXTURE_KEY_NAMES: readonly FixtureKeyName[] = [
  'authority',
  'rogue-authority',
  'daemon-app',
  'middle-tier-api',
  'unregistered',
];

/**
 * The custom token-signing key of `app`: the fixture key whose certificate is the app's
 * `keyCredentials` entry with `usage: 'Sign'` (as enterprise SSO apps have), or `undefined` when
 * the app has none (or its certificate is not one the simulator holds the private key of).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
export function customSigningKeyOf(app: AppRegistration): FixtureKeyName | undefined {
  const sign = app.keyCredentials.find((k) => k.usage === 'Sign');
  if (!sign) return undefined;
  return FIXTURE_KEY_NAMES.find((name) => fixtureCertificateBase64(name) === sign.key);
}

/** A minted token and the facts the response needs. Times in epoch seconds. */
export interface MintedToken {
  token: string;
  version: '1.0' | '2.0';
  payload: Record<string, unknown>;
  issuedAt: number;
  expiresAt: number;
  uti: string;
}

const opaque = (env: AuthorityEnv, bytes: number) => toBase64Url(env.random.bytes(bytes));

/**
 * Mints an RS256 access token. Format follows the **resource's** `requestedAccessTokenVersion`
 * (`2` = v2.0, else v1.0), not the endpoint used. Lifetime is a random 60-90 minutes. A delegated
 * token carries `scp` and, in `roles`, the user's app roles on the resource.
 * @see https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 */
export async function mintAccessToken(
  env: AuthorityEnv,
  spec: AccessTokenSpec,
): Promise<MintedToken> {
  const signingName = spec.signingKey ?? 'authority';
  const signing = await getFixtureKey(signingName);
  const version = spec.resourceApp.api.requestedAccessTokenVersion === 2 ? '2.0' : '1.0';
  const iat = spec.issuedAt ?? env.clock.now;
  const exp = iat + (spec.lifetimeSeconds ?? env.random.int(3600, 5400));
  const uti = opaque(env, 16);
  const appOnly = !spec.user;
  const oid = spec.user?.id ?? spec.clientSp.id;
  const sub = spec.user
    ? (await sha256Base64Url(`${spec.user.id}|${spec.resourceApp.appId}`)).slice(0, 43)
    : spec.clientSp.id;
  const grants: Record<string, unknown> = {};
  if (spec.scopes) grants.scp = spec.scopes.join(' ');
  const roles =
    spec.roles ??
    (spec.user
      ? assignedUserRoles(env.directory, spec.tenantId, spec.user.id, spec.resourceApp)
      : []);
  if (roles.length > 0) grants.roles = roles;
  const amr = spec.amr ?? [];
  let payload: Record<string, unknown>;
  let header: Record<string, unknown>;
  if (version === '2.0') {
    header = { kid: signing.thumbprints.x5t };
    payload = {
      aud: spec.resourceApp.appId,
      iss: issuerV2(spec.tenantId),
      iat,
      nbf: iat,
      exp,
      aio: opaque(env, 24),
      azp: spec.client.appId,
      azpacr: spec.clientAuth,
      ...(appOnly
        ? { idtyp: 'app' }
        : { name: spec.user?.displayName, preferred_username: spec.user?.userPrincipalName }),
      oid,
      rh: `1.${opaque(env, 18)}.`,
      ...grants,
      sub,
      tid: spec.tenantId,
      uti,
      ver: '2.0',
    };
  } else {
    header = { x5t: signing.thumbprints.x5t, kid: signing.thumbprints.x5t };
    payload = {
      aud: spec.resourceIdentifier,
      iss: issuerV1(spec.tenantId),
      iat,
      nbf: iat,
      exp,
      ...(appOnly ? {} : { acr: '1', amr }),
      aio: opaque(env, 24),
      appid: spec.client.appId,
      appidacr: spec.clientAuth,
      idp: issuerV1(spec.tenantId),
      ...(appOnly
        ? { idtyp: 'app' }
        : {
            name: spec.user?.displayName,
            unique_name: spec.user?.userPrincipalName,
            upn: spec.user?.userPrincipalName,
          }),
      oid,
      rh: `0.${opaque(env, 18)}.`,
      ...grants,
      sub,
      tid: spec.tenantId,
      uti,
      ver: '1.0',
    };
  }
  const token = await signJwt(signingName, 'RS256', header, payload);
  env.issued.set(uti, { userId: spec.user?.id, amr });
  return { token, version, payload, issuedAt: iat, expiresAt: exp, uti };
}

/**
 * Mints a **delegated** access token (a user and the scopes granted to the client), enforcing the
 * invariant that a delegated token always carries a non-empty `scp`: with no scope, nothing is
 * minted and the documented failure comes back instead, AADSTS65001 (`invalid_grant`, suberror
 * `consent_required`: nobody consented to anything this token could carry).
 * @see https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference#payload-claims
 * @see https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
export async function mintDelegatedAccessToken(
  env: AuthorityEnv,
  spec: AccessTokenSpec & { user: User; scopes: string[] },
): Promise<MintedToken | { failure: CheckFailure }> {
  const scopes = spec.scopes.filter((s) => s.trim() !== '');
  if (scopes.length === 0) {
    return {
      failure: {
        code: 65001,
        suberror: 'consent_required',
        args: {
          clientId: spec.client.appId,
          clientName: spec.client.displayName,
          resourceName: spec.resourceApp.displayName,
          scopes: '(none)',
        },
      },
    };
  }
  return mintAccessToken(env, { ...spec, scopes });
}

/** What an ID token is about (OpenID Connect Core section 2). */
export interface IdTokenSpec {
  tenantId: string;
  client: AppRegistration;
  user: User;
  endpoint: 'v1' | 'v2';
  nonce?: string;
  /** Set when the ID token travels with a code from the authorize endpoint: adds `c_hash`. */
  code?: string;
  /** Set when the ID token travels with an access token from the authorize endpoint: adds `at_hash`. */
  accessToken?: string;
  /** Issued by the implicit grant at the authorize endpoint (no code): remembered for the OBO rules. */
  implicit?: boolean;
  sessionId?: string;
  amr?: string[];
}

/**
 * Mints an RS256 ID token for `client` (`aud` = client id). Its version follows the endpoint
 * (v2 authorize/token = v2.0). `c_hash` only when issued with a code from /authorize, `at_hash`
 * only with an access token from /authorize (OpenID Connect Core section 3.2.2.10); an implicit
 * one is remembered (by `uti`) as issued through the implicit grant.
 * Lifetime one hour.
 * @see https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference
 */
export async function mintIdToken(env: AuthorityEnv, spec: IdTokenSpec): Promise<string> {
  const signing = await getFixtureKey('authority');
  const iat = env.clock.now;
  const v2 = spec.endpoint === 'v2';
  const sub = (await sha256Base64Url(`${spec.user.id}|${spec.client.appId}`)).slice(0, 43);
  const payload: Record<string, unknown> = {
    aud: spec.client.appId,
    iss: v2 ? issuerV2(spec.tenantId) : issuerV1(spec.tenantId),
    iat,
    nbf: iat,
    exp: iat + 3600,
    aio: opaque(env, 24),
    ...(v2 ? {} : { amr: spec.amr ?? ['pwd'] }),
    ...(spec.accessToken ? { at_hash: await leftHalfSha256Base64Url(spec.accessToken) } : {}),
    ...(spec.code ? { c_hash: await leftHalfSha256Base64Url(spec.code) } : {}),
    name: spec.user.displayName,
    ...(spec.nonce ? { nonce: spec.nonce } : {}),
    oid: spec.user.id,
    ...(v2
      ? { preferred_username: spec.user.userPrincipalName }
      : { unique_name: spec.user.userPrincipalName, upn: spec.user.userPrincipalName }),
    rh: `1.${opaque(env, 18)}.`,
    ...(spec.sessionId ? { sid: spec.sessionId } : {}),
    sub,
    tid: spec.tenantId,
    uti: opaque(env, 16),
    ver: v2 ? '2.0' : '1.0',
  };
  if (spec.implicit)
    env.issued.set(String(payload.uti), {
      userId: spec.user.id,
      amr: spec.amr ?? ['pwd'],
      implicitIdToken: true,
    });
  return signJwt(
    'authority',
    'RS256',
    v2
      ? { kid: signing.thumbprints.x5t }
      : { x5t: signing.thumbprints.x5t, kid: signing.thumbprints.x5t },
    payload,
  );
}

/** Mints an opaque refresh token and remembers it (RFC 6749 section 1.5). */
export function mintRefreshToken(
  env: AuthorityEnv,
  clientAppId: string,
  userId: string,
  scopes: string[],
  extra: { resourceAppId?: string; amr?: string[] } = {},
): string {
  const value = `1.${opaque(env, 48)}`;
  env.refreshTokens.set(value, { clientAppId, userId, scopes, issuedAt: env.clock.now, ...extra });
  return value;
}
