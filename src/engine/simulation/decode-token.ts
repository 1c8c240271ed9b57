// Decodes one pasted JWT (a simulator token or a real Entra one) into the inspector's TokenInspection, or says precisely why it is not one.
import {
  certificateThumbprints,
  fixtureCertificateBase64,
  getFixtureKey,
  verifyJwt,
  verifyJwtWithCertificate,
} from '../crypto';
import type { FixtureKeyName, SigningAlg } from '../crypto';
import { decodeJwsParts } from '../crypto/jws-parts';
import type { JwsPartNumber, JwsPartsFailure } from '../crypto/jws-parts';
import { isMicrosoftGraphAudience } from '../directory/directory';
import { publishedJwks } from '../parties/authority/keys';
import type { SignatureStatus, TokenInspection } from '../model/trace';
import { explainClaim, TIME_CLAIMS } from './claims-glossary';
import { describeToken, tokenKind } from './inspect';
import { embeddedCertificates, inspectSamlAssertion, samlAssertionXml } from './saml-inspect';

/** Why a pasted text is not a JWT the decoder can show. */
export type TokenDecodeErrorCode =
  | 'empty'
  | 'jwe-not-supported'
  | 'wrong-part-count'
  | 'empty-part'
  | 'not-base64url'
  | 'not-utf8'
  | 'not-json'
  | 'not-object'
  | 'alg-none'
  | 'missing-alg'
  | 'missing-signature';

/**
 * A pasted text that is not a decodable signed JWT: the failing `part` (1 header, 2 payload, 3
 * signature) when one is to blame, and a `message` that names it and says why.
 */
export interface TokenDecodeError {
  error: TokenDecodeErrorCode;
  part?: JwsPartNumber;
  message: string;
}

const PART_NAMES: Record<JwsPartNumber, string> = {
  1: 'Part 1 (header)',
  2: 'Part 2 (payload)',
  3: 'Part 3 (signature)',
};

/** The fixture keys that may sign what the simulator issues, besides the authority's JWKS key. */
const CERTIFICATE_KEYS: readonly FixtureKeyName[] = [
  'daemon-app',
  'middle-tier-api',
  'unregistered',
  'rogue-authority',
];

/** The unknown-key message the dialog shows; exported for tests. */
export const CANNOT_VERIFY_OFFLINE =
  "Cannot verify offline: the signing key is not one of the simulator's";

/**
 * The token inside a pasted text: surrounding whitespace and quotes, an `Authorization:` header
 * name and a `Bearer ` prefix removed, and line breaks inside the token (wrapped copies) dropped.
 */
export function normaliseTokenText(text: string): string {
  let token = text.trim();
  token = token.replace(/^authorization\s*:\s*/i, '');
  token = token.replace(/^bearer\s+/i, '');
  token = token.replace(/^["'`]+|["'`]+$/g, '');
  return token.replace(/\s+/g, '');
}

function partFailure(failure: JwsPartsFailure): TokenDecodeError {
  switch (failure.failure) {
    case 'part-count':
      return failure.parts === 5
        ? {
            error: 'jwe-not-supported',
            message:
              'This has 5 dot-separated parts: it is an encrypted token (JWE), which only its recipient can decrypt. Encrypted tokens are not supported; paste a signed JWT (3 parts).',
          }
        : {
            error: 'wrong-part-count',
            message: `A JWT has 3 dot-separated parts (header.payload.signature); this has ${String(failure.parts)}.`,
          };
    case 'empty-part':
      return {
        error: failure.part === 3 ? 'missing-signature' : 'empty-part',
        part: failure.part,
        message:
          failure.part === 3
            ? `${PART_NAMES[3]} is empty: the token is unsigned.`
            : `${PART_NAMES[failure.part]} is empty.`,
      };
    case 'not-base64url':
      return {
        error: 'not-base64url',
        part: failure.part,
        message: `${PART_NAMES[failure.part]} is not base64url: character ${String(failure.position)} is "${failure.character}" (only A-Z, a-z, 0-9, - and _ are allowed, without = padding).`,
      };
    case 'bad-base64url-length':
      return {
        error: 'not-base64url',
        part: failure.part,
        message: `${PART_NAMES[failure.part]} is not base64url: ${String(failure.length)} characters cannot encode whole bytes (the token may be cut short).`,
      };
    case 'not-utf8':
      return {
        error: 'not-utf8',
        part: failure.part,
        message: `${PART_NAMES[failure.part]} does not decode to UTF-8 text, so it cannot be JSON.`,
      };
    case 'not-json':
      return {
        error: 'not-json',
        part: failure.part,
        message: `${PART_NAMES[failure.part]} is not JSON: ${failure.reason}`,
      };
    case 'not-object':
      return {
        error: 'not-object',
        part: failure.part,
        message: `${PART_NAMES[failure.part]} is JSON but not a JSON object (it is ${failure.found}).`,
      };
  }
}

function isSigningAlg(alg: unknown): alg is SigningAlg {
  return alg === 'RS256' || alg === 'PS256';
}

/** The key ids a header names: `kid`, `x5t`, `x5t#S256`. */
function keyIdsOf(header: Record<string, unknown>): string[] {
  return [header.kid, header.x5t, header['x5t#S256']].filter(
    (id): id is string => typeof id === 'string',
  );
}

async function checkSignature(
  token: string,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<SignatureStatus> {
  const ids = keyIdsOf(header);
  const jwks = await publishedJwks();
  const authorityKey = jwks.keys.find(
    (key) => typeof key.kid === 'string' && ids.includes(key.kid),
  );
  if (authorityKey) {
    const result = await verifyJwt(token, jwks, {
      now: 0,
      clockToleranceSeconds: 1e10,
      algorithms: ['RS256'],
    });
    return result.ok
      ? {
          status: 'valid',
          signer: "the simulator authority's token-signing key",
          detail: `${String(header.alg)} signature verified with the simulator authority's JWKS key kid=${String(authorityKey.kid)}.`,
        }
      : {
          status: 'invalid',
          signer: "the simulator authority's token-signing key",
          detail: `The header names the simulator authority's key kid=${String(authorityKey.kid)}, but the signature does not verify with it: ${result.message}.`,
        };
  }
  for (const name of CERTIFICATE_KEYS) {
    const certificate = fixtureCertificateBase64(name);
    const prints = await certificateThumbprints(certificate);
    if (!ids.includes(prints.x5t) && !ids.includes(prints.x5tS256)) continue;
    const signer = `the simulator's "${name}" certificate`;
    if (!isSigningAlg(header.alg)) {
      return {
        status: 'invalid',
        signer,
        detail: `The header names ${signer}, but alg ${String(header.alg)} is not one the simulator signs with (RS256, PS256).`,
      };
    }
    const result = await verifyJwtWithCertificate(token, certificate, header.alg, 0, 1e10);
    return result.ok
      ? {
          status: 'valid',
          signer,
          detail: `${header.alg} signature verified with ${signer} (thumbprint in the header).`,
        }
      : {
          status: 'invalid',
          signer,
          detail: `The header names ${signer}, but the signature does not verify with it: ${result.message}.`,
        };
  }
  const graph = isMicrosoftGraphAudience(payload.aud)
    ? ' It is a Microsoft Graph token: only Graph validates those, so treat it as opaque.'
    : '';
  return {
    status: 'unknown-key',
    detail: `${CANNOT_VERIFY_OFFLINE}${ids.length ? ` (kid ${ids[0] ?? ''})` : ''}. Checking it would mean fetching the issuer's keys, and nothing here is sent anywhere.${graph}`,
  };
}

/** What a token is from its claims alone: the run's rules, plus v1 app-only and client assertions. */
function pastedTokenKind(payload: Record<string, unknown>): TokenInspection['kind'] {
  const kind = tokenKind(payload, 'pasted');
  if (kind !== 'jwt') return kind;
  if ('appid' in payload || 'azpacr' in payload || 'appidacr' in payload) return 'access_token';
  const aud = typeof payload.aud === 'string' ? payload.aud : '';
  if (payload.iss === payload.sub && typeof payload.iss === 'string' && aud.endsWith('/token')) {
    return 'client_assertion';
  }
  return 'jwt';
}

function summarise(payload: Record<string, unknown>, kind: TokenInspection['kind']): string {
  if (kind !== 'jwt') return describeToken(payload, kind, { applications: [] });
  const issuer = typeof payload.iss === 'string' ? ` issued by ${payload.iss}` : '';
  return `A JWT${issuer}: neither an access token (no scp, roles or appid) nor an ID token (no nonce or c_hash).`;
}

/**
 * Decodes a pasted JWT like the inspector decodes a run's tokens (RFC 7519): kind (access, ID,
 * client assertion), v1/v2 (`ver`), JOSE header, claims with explanations and time flags, and the
 * signature checked against the simulator's keys (the authority's JWKS, then the fixture
 * certificates by thumbprint) or marked `unknown-key` ("Cannot verify offline"). Whitespace,
 * quotes and a `Bearer ` prefix are trimmed first. Never fetches, never throws: malformed input
 * resolves to a {@link TokenDecodeError} naming the part and the reason; `alg: none` and
 * encrypted tokens (JWE, 5 parts) are refused.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens
 */
export async function inspectToken(text: string): Promise<TokenInspection | TokenDecodeError> {
  const token = normaliseTokenText(text);
  if (token === '') return { error: 'empty', message: 'Paste a JWT to decode it.' };
  const saml = await inspectPastedSaml(token);
  if (saml) return saml;
  const decoded = decodeJwsParts(token);
  if (!decoded.ok) return partFailure(decoded.failure);
  const { header, payload, signature } = decoded.parts;
  if (typeof header.alg !== 'string' || header.alg === '') {
    return { error: 'missing-alg', part: 1, message: `${PART_NAMES[1]} has no "alg".` };
  }
  if (header.alg.toLowerCase() === 'none') {
    return {
      error: 'alg-none',
      part: 1,
      message: `${PART_NAMES[1]} says "alg": "none": an unsigned token, which no API may accept. Refused.`,
    };
  }
  if (signature === '') return partFailure({ failure: 'empty-part', part: 3 });
  const kind = pastedTokenKind(payload);
  return {
    token,
    kind,
    version: payload.ver === '1.0' || payload.ver === '2.0' ? payload.ver : null,
    header,
    claims: Object.entries(payload).map(([name, value]) => ({
      name,
      value,
      explanation: explainClaim(name, kind),
      isTime: TIME_CLAIMS.has(name) && typeof value === 'number',
    })),
    signature: await checkSignature(token, header, payload),
    summary: summarise(payload, kind),
  };
}

/**
 * A pasted SAML assertion (base64 or base64url of the XML, with or without `SAML `, as the OBO
 * response's `access_token` or an `Authorization: SAML` header carries it), decoded as the
 * inspector decodes one of a run; one not signed by the simulator's authority is marked
 * `unknown-key` (its signer cannot be checked offline). `undefined` for anything else.
 */
async function inspectPastedSaml(token: string): Promise<TokenInspection | undefined> {
  const text = token.replace(/^SAML/i, '');
  if (!samlAssertionXml(text)) return undefined;
  const inspection = await inspectSamlAssertion(text, { applications: [] });
  if (!inspection || inspection.signature.status === 'valid') return inspection;
  const { certificateBase64 } = await getFixtureKey('authority');
  const ours = embeddedCertificates(samlAssertionXml(text) ?? '').includes(certificateBase64);
  return ours
    ? inspection
    : {
        ...inspection,
        signature: {
          status: 'unknown-key',
          detail: `${CANNOT_VERIFY_OFFLINE}: check it with the certificate of the issuing tenant's federation metadata.`,
        },
      };
}

/** Whether {@link inspectToken} refused the text. */
export function isTokenDecodeError(
  result: TokenInspection | TokenDecodeError,
): result is TokenDecodeError {
  return 'error' in result;
}
