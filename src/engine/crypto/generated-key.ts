// Client assertions signed with a key the scenario editor generated ("Generate a certificate"),
// rather than with a committed fixture key: import with jose, thumbprints from the certificate DER.
import { SignJWT, importPKCS8 } from 'jose';
import type { JWTHeaderParameters, JWTPayload } from 'jose';
import { certificateThumbprints } from './index';
import type { CertificateThumbprints, SigningAlg } from './index';

/**
 * A simulator-only key pair made by `generateCertificate`, carried in a world as data.
 * - `pkcs8`: the RSA private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`, RFC 7468 section 10).
 * - `certificate`: the X.509 certificate DER as standard base64, the same form as the app's
 *   `keyCredentials[].key` (RFC 4648 section 4); `x5t` / `x5t#S256` are its SHA-1 / SHA-256.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export interface GeneratedSigningKey {
  pkcs8: string;
  certificate: string;
}

type JoseKey = Awaited<ReturnType<typeof importPKCS8>>;

const imported = new Map<string, Promise<JoseKey>>();

function privateKey(key: GeneratedSigningKey, alg: SigningAlg): Promise<JoseKey> {
  const cacheKey = `${alg}:${key.pkcs8}`;
  let promise = imported.get(cacheKey);
  if (!promise) {
    promise = importPKCS8(key.pkcs8, alg);
    imported.set(cacheKey, promise);
    promise.catch(() => imported.delete(cacheKey));
  }
  return promise;
}

/** A generated key ready to sign: its certificate's thumbprints and the signing function. */
export interface LoadedGeneratedKey {
  thumbprints: CertificateThumbprints;
  /** Signs a JWT (RFC 7519 section 7.1) with the loaded `alg`; `header` is merged over `{typ: 'JWT'}`. */
  sign(header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string>;
}

/**
 * Imports a generated key with jose's `importPKCS8` for `alg` (cached per key) and computes the
 * certificate's thumbprints. Never throws: resolves `{ ok: false, message }` when the PEM or the
 * certificate base64 cannot be read (the caller then has no credential to send). RS256 signatures
 * are deterministic given the key; PS256 ones are randomised by design (RFC 8017 section 8.1).
 */
export async function loadGeneratedKey(
  key: GeneratedSigningKey,
  alg: SigningAlg,
): Promise<{ ok: true; key: LoadedGeneratedKey } | { ok: false; message: string }> {
  try {
    const [joseKey, thumbprints] = await Promise.all([
      privateKey(key, alg),
      certificateThumbprints(key.certificate),
    ]);
    return {
      ok: true,
      key: {
        thumbprints,
        sign: (header, payload) =>
          new SignJWT(payload as JWTPayload)
            .setProtectedHeader({ typ: 'JWT', ...header, alg } as JWTHeaderParameters)
            .sign(joseKey),
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
