// The signature step of JWT validation on its own (RFC 7515), so an API can check its claims as separate named rules.
import { compactVerify, createLocalJWKSet, errors as joseErrors } from 'jose';
import type { Jwks, JwtFailureReason } from './index';

/** Outcome of {@link verifyJwtSignature}: the verified header and claims, or why the JWS is refused. */
export type JwsVerification =
  | { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> }
  | {
      ok: false;
      reason: Extract<
        JwtFailureReason,
        'malformed' | 'signature_invalid' | 'key_not_found' | 'algorithm_not_allowed'
      >;
      /** jose's message, e.g. `signature verification failed`. */
      message: string;
    };

const keySets = new WeakMap<Jwks, ReturnType<typeof createLocalJWKSet>>();

/**
 * Verifies a compact JWS against a JWKS and decodes its claims set, checking **no claim**: the key
 * is chosen by `kid` (and `alg`), the algorithm must be one of `algorithms` (default `['RS256']`),
 * the payload must be base64url-encoded (no `b64: false`) and a top-level JSON object. The caller
 * checks `iss`, `aud`, `exp`, `nbf` and `iat` (RFC 7519 section 7.2 steps 10 and on). Messages are
 * jose's, as `jwtVerify` would report them. Never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export async function verifyJwtSignature(
  token: string,
  jwks: Jwks,
  algorithms: string[] = ['RS256'],
): Promise<JwsVerification> {
  try {
    let keySet = keySets.get(jwks);
    if (!keySet) {
      keySet = createLocalJWKSet({ keys: jwks.keys });
      keySets.set(jwks, keySet);
    }
    const { payload, protectedHeader } = await compactVerify(token, keySet, { algorithms });
    if (protectedHeader.b64 === false)
      return { ok: false, reason: 'malformed', message: 'JWTs MUST NOT use unencoded payload' };
    const claims: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
      throw new Error('JWT Claims Set must be a top-level JSON object');
    return {
      ok: true,
      header: protectedHeader as Record<string, unknown>,
      payload: claims as Record<string, unknown>,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof joseErrors.JWSSignatureVerificationFailed)
      return { ok: false, reason: 'signature_invalid', message };
    if (error instanceof joseErrors.JWKSNoMatchingKey)
      return { ok: false, reason: 'key_not_found', message };
    if (error instanceof joseErrors.JOSEAlgNotAllowed)
      return { ok: false, reason: 'algorithm_not_allowed', message };
    if (error instanceof SyntaxError || error instanceof TypeError)
      return {
        ok: false,
        reason: 'malformed',
        message: 'JWT Claims Set must be a top-level JSON object',
      };
    return { ok: false, reason: 'malformed', message };
  }
}
