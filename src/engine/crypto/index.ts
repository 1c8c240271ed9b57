// The engine's only door to JOSE and X.509: fixture keys, JWT signing and verification, thumbprints.
import {
  SignJWT,
  base64url,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  exportJWK,
  importPKCS8,
  importX509,
  jwtVerify,
} from 'jose';
import type { JWK, JWTPayload, JWTHeaderParameters } from 'jose';
import fixtureFile from './fixtures/keys.json';
import { pemCertificateToBase64 } from './fixture-certificates';

export { fixtureCertificateBase64, pemCertificateToBase64 } from './fixture-certificates';

/** Names of the committed simulator-only fixture keys (see `scripts/generate-fixture-keys.mjs`). */
export type FixtureKeyName =
  'authority' | 'rogue-authority' | 'daemon-app' | 'middle-tier-api' | 'unregistered';

/** JWS algorithms the simulator signs and accepts (RFC 7518 section 3). */
export type SigningAlg = 'RS256' | 'PS256';

/** A JSON Web Key Set (RFC 7517 section 5) as served by the authority's `jwks_uri`. */
export interface Jwks {
  keys: JWK[];
}

/** A JWT's decoded parts. Values are untrusted until verified. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

/** Thumbprints of an X.509 certificate in the forms the platform uses (RFC 7515 sections 4.1.7-4.1.8). */
export interface CertificateThumbprints {
  /** SHA-1 of the DER, upper-case hex (the portal's "Thumbprint"). */
  sha1Hex: string;
  /** SHA-256 of the DER, upper-case hex. */
  sha256Hex: string;
  /** base64url SHA-1: the JWS `x5t` header and the v1 `kid`. */
  x5t: string;
  /** base64url SHA-256: the JWS `x5t#S256` header. */
  x5tS256: string;
  /** Standard base64 SHA-1: the registration's `customKeyIdentifier`. */
  customKeyIdentifier: string;
}

/** A fixture key pair with its certificate, ready to sign and verify. */
export interface FixtureKey {
  name: FixtureKeyName;
  /** The certificate DER as standard base64 (the `x5c` / `keyCredentials[].key` form). */
  certificateBase64: string;
  certificatePem: string;
  thumbprints: CertificateThumbprints;
}

interface FixtureEntry {
  privateKeyPkcs8Pem: string;
  certificatePem: string;
}

const fixtures = (fixtureFile as { keys: Record<FixtureKeyName, FixtureEntry> }).keys;

const hex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');

/** Standard (not URL-safe) base64 of bytes, via the platform's `btoa` (RFC 4648 section 4). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Decodes standard base64 (RFC 4648 section 4) into bytes; throws `Error` on invalid input. */
export function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** base64url (RFC 4648 section 5, no padding) of bytes or a UTF-8 string, via jose. */
export function toBase64Url(value: Uint8Array | string): string {
  return base64url.encode(value);
}

/** Decodes base64url into a UTF-8 string; throws `Error` when the input is not base64url. */
export function fromBase64UrlToString(value: string): string {
  return new TextDecoder().decode(base64url.decode(value));
}

/** SHA-256 of an ASCII/UTF-8 string, base64url-encoded (PKCE S256, RFC 7636 section 4.2). */
export async function sha256Base64Url(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return toBase64Url(new Uint8Array(digest));
}

/**
 * Left half of the SHA-256 of an ASCII value, base64url: the `c_hash` / `at_hash` of an ID token
 * signed with RS256 (OpenID Connect Core sections 3.3.2.11 and 3.2.2.9).
 */
export async function leftHalfSha256Base64Url(value: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)),
  );
  return toBase64Url(digest.slice(0, digest.length / 2));
}

/**
 * Thumbprints of a DER certificate given as standard base64: digests of the DER encoding
 * (RFC 7515 sections 4.1.7-4.1.8), cached per certificate. Rejects for invalid base64.
 */
export function certificateThumbprints(certificateBase64: string): Promise<CertificateThumbprints> {
  let cached = thumbprintCache.get(certificateBase64);
  if (!cached) {
    cached = computeThumbprints(certificateBase64);
    thumbprintCache.set(certificateBase64, cached);
  }
  return cached;
}

const thumbprintCache = new Map<string, Promise<CertificateThumbprints>>();

async function computeThumbprints(certificateBase64: string): Promise<CertificateThumbprints> {
  const der = fromBase64(certificateBase64);
  const sha1 = await crypto.subtle.digest('SHA-1', der);
  const sha256 = await crypto.subtle.digest('SHA-256', der);
  return {
    sha1Hex: hex(sha1),
    sha256Hex: hex(sha256),
    x5t: toBase64Url(new Uint8Array(sha1)),
    x5tS256: toBase64Url(new Uint8Array(sha256)),
    customKeyIdentifier: toBase64(new Uint8Array(sha1)),
  };
}

/** A PEM certificate from its DER as standard base64, in 64-character lines (RFC 7468 section 2). */
export function base64ToPemCertificate(certificateBase64: string): string {
  const lines = certificateBase64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Subject and validity (epoch seconds) of a certificate, parsed with @peculiar/x509, which is
 * loaded on demand so that flows which only need thumbprints do not pay for it.
 */
export async function describeCertificate(
  certificateBase64: string,
): Promise<{ subject: string; notBefore: number; notAfter: number }> {
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const cert = new x509.X509Certificate(fromBase64(certificateBase64));
  return {
    subject: cert.subject,
    notBefore: Math.floor(cert.notBefore.getTime() / 1000),
    notAfter: Math.floor(cert.notAfter.getTime() / 1000),
  };
}

type JoseKey = Awaited<ReturnType<typeof importPKCS8>>;

interface LoadedKey extends FixtureKey {
  privateKeys: Record<SigningAlg, JoseKey>;
  publicKeys: Record<SigningAlg, JoseKey>;
  publicJwk: JWK;
}

const loaded = new Map<FixtureKeyName, Promise<LoadedKey>>();

async function loadKey(name: FixtureKeyName): Promise<LoadedKey> {
  const entry = fixtures[name];
  const certificateBase64 = pemCertificateToBase64(entry.certificatePem);
  const [rsPriv, psPriv, rsPub, psPub, thumbprints] = await Promise.all([
    importPKCS8(entry.privateKeyPkcs8Pem, 'RS256'),
    importPKCS8(entry.privateKeyPkcs8Pem, 'PS256'),
    importX509(entry.certificatePem, 'RS256', { extractable: true }),
    importX509(entry.certificatePem, 'PS256'),
    certificateThumbprints(certificateBase64),
  ]);
  const publicJwk = await exportJWK(rsPub);
  return {
    name,
    certificateBase64,
    certificatePem: entry.certificatePem,
    thumbprints,
    privateKeys: { RS256: rsPriv, PS256: psPriv },
    publicKeys: { RS256: rsPub, PS256: psPub },
    publicJwk,
  };
}

function getLoadedKey(name: FixtureKeyName): Promise<LoadedKey> {
  let promise = loaded.get(name);
  if (!promise) {
    promise = loadKey(name);
    loaded.set(name, promise);
  }
  return promise;
}

/** Loads (once, then cached) a fixture key's certificate facts. Rejects only if the fixture file is broken. */
export async function getFixtureKey(name: FixtureKeyName): Promise<FixtureKey> {
  const key = await getLoadedKey(name);
  return {
    name: key.name,
    certificateBase64: key.certificateBase64,
    certificatePem: key.certificatePem,
    thumbprints: key.thumbprints,
  };
}

/** The private key of a fixture in PKCS#8 PEM (for interop tests handing it to MSAL). */
export function fixturePrivateKeyPem(name: FixtureKeyName): string {
  return fixtures[name].privateKeyPkcs8Pem;
}

/**
 * Signs a JWT with a fixture key (RFC 7519 section 7.1). `header` is merged over `{alg, typ: 'JWT'}`.
 * RS256 signatures are deterministic; PS256 ones are randomised by design (RFC 8017 section 8.1).
 */
export async function signJwt(
  name: FixtureKeyName,
  alg: SigningAlg,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<string> {
  const key = await getLoadedKey(name);
  return new SignJWT(payload as JWTPayload)
    .setProtectedHeader({ typ: 'JWT', ...header, alg } as JWTHeaderParameters)
    .sign(key.privateKeys[alg]);
}

/**
 * The public JWK of a fixture key, as published in a JWKS: `kty`, `use: "sig"`, `kid` = `x5t` =
 * base64url SHA-1 thumbprint, `n`, `e`, `x5c`, and `issuer` when given (the platform's JWKS shape).
 */
export async function publicJwkFor(name: FixtureKeyName, issuer?: string): Promise<JWK> {
  const key = await getLoadedKey(name);
  const { kty, n, e } = key.publicJwk;
  return {
    kty,
    use: 'sig',
    kid: key.thumbprints.x5t,
    x5t: key.thumbprints.x5t,
    n,
    e,
    x5c: [key.certificateBase64],
    ...(issuer ? { issuer } : {}),
  };
}

/** Decodes a compact JWS without verifying it. Returns `undefined` (never throws) for anything else. */
export function decodeJwtParts(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[2]) return undefined;
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const payload = decodeJwt(token) as Record<string, unknown>;
    return { header, payload, signature: parts[2] };
  } catch {
    return undefined;
  }
}

/** Why a JWT failed verification, in the vocabulary of RFC 7519 section 7.2 and jose's error codes. */
export type JwtFailureReason =
  | 'malformed'
  | 'signature_invalid'
  | 'key_not_found'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer_mismatch'
  | 'audience_mismatch'
  | 'algorithm_not_allowed'
  | 'claim_invalid';

/** Outcome of {@link verifyJwt}: the verified parts, or the first failing rule with jose's message. */
export type JwtVerification =
  | { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { ok: false; reason: JwtFailureReason; message: string };

/** Options for {@link verifyJwt}. Times are epoch **seconds**. */
export interface VerifyJwtOptions {
  /** Current simulated time (seconds). */
  now: number;
  /** Accepted issuers; omitted = not checked. */
  issuer?: string[];
  /** Accepted audiences; omitted = not checked. */
  audience?: string[];
  /** Leeway for `exp`/`nbf` in seconds (default 0). */
  clockToleranceSeconds?: number;
  /** Accepted algorithms (default `['RS256']`). */
  algorithms?: SigningAlg[];
}

function classify(error: unknown): { reason: JwtFailureReason; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof joseErrors.JWTExpired) return { reason: 'expired', message };
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return { reason: 'issuer_mismatch', message };
    if (error.claim === 'aud') return { reason: 'audience_mismatch', message };
    if (error.claim === 'nbf') return { reason: 'not_yet_valid', message };
    return { reason: 'claim_invalid', message };
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return { reason: 'signature_invalid', message };
  if (error instanceof joseErrors.JWKSNoMatchingKey) return { reason: 'key_not_found', message };
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return { reason: 'algorithm_not_allowed', message };
  return { reason: 'malformed', message };
}

/**
 * Verifies a JWT against a JWKS (RFC 7519 section 7.2): signature by a key whose `kid` matches,
 * then `exp`/`nbf` on the simulated clock, `iss` and `aud`. Never throws.
 */
export async function verifyJwt(
  token: string,
  jwks: Jwks,
  options: VerifyJwtOptions,
): Promise<JwtVerification> {
  try {
    let keySet = keySets.get(jwks);
    if (!keySet) {
      keySet = createLocalJWKSet({ keys: jwks.keys });
      keySets.set(jwks, keySet);
    }
    const result = await jwtVerify(token, keySet, {
      currentDate: new Date(options.now * 1000),
      clockTolerance: options.clockToleranceSeconds ?? 0,
      algorithms: options.algorithms ?? ['RS256'],
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    });
    return {
      ok: true,
      header: result.protectedHeader as Record<string, unknown>,
      payload: result.payload as Record<string, unknown>,
    };
  } catch (error) {
    return { ok: false, ...classify(error) };
  }
}

const certificateKeys = new Map<string, Promise<JoseKey>>();

/** The public key of a certificate imported for `alg`, cached per certificate and algorithm. */
function certificateKey(certificateBase64: string, alg: SigningAlg): Promise<JoseKey> {
  const cacheKey = `${alg}:${certificateBase64}`;
  let key = certificateKeys.get(cacheKey);
  if (!key) {
    key = importX509(base64ToPemCertificate(certificateBase64), alg);
    certificateKeys.set(cacheKey, key);
  }
  return key;
}

const keySets = new WeakMap<Jwks, ReturnType<typeof createLocalJWKSet>>();

/**
 * Verifies a JWT signed by the private key of an X.509 certificate (a client assertion, RFC 7523
 * section 3). Checks only the signature and the time window (`now` in seconds, `clockToleranceSeconds`
 * leeway); the caller checks `aud`, `iss`, `sub`. Never throws.
 */
export async function verifyJwtWithCertificate(
  token: string,
  certificateBase64: string,
  alg: SigningAlg,
  now: number,
  clockToleranceSeconds = 0,
): Promise<JwtVerification> {
  try {
    const result = await jwtVerify(token, await certificateKey(certificateBase64, alg), {
      currentDate: new Date(now * 1000),
      clockTolerance: clockToleranceSeconds,
      algorithms: [alg],
    });
    return {
      ok: true,
      header: result.protectedHeader as Record<string, unknown>,
      payload: result.payload as Record<string, unknown>,
    };
  } catch (error) {
    return { ok: false, ...classify(error) };
  }
}
