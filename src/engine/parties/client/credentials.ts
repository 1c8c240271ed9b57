// Building client authentication for a token request: secret, HTTP Basic, or a signed client assertion.
import type { ClientCredential } from '../../model/scenario';
import type { SeededRandom } from '../../core/random';
import { getFixtureKey, signJwt, toBase64 } from '../../crypto';
import type { CertificateThumbprints, SigningAlg } from '../../crypto';
import { loadGeneratedKey } from '../../crypto/generated-key';
import type { TraceEvent } from '../../model/trace';
import { JWT_BEARER_ASSERTION_TYPE } from '../authority/checks/client-auth';

/** Headers and body parameters that authenticate a client, plus the events explaining them. */
export interface ClientAuthParts {
  headers: Record<string, string>;
  params: Record<string, string>;
  /** Whether `client_id` goes in the body (omitted with HTTP Basic, RFC 6749 section 2.3.1). */
  sendClientId: boolean;
  events: TraceEvent[];
}

/** Form-urlencodes one value (RFC 6749 appendix B), as Basic credentials require before base64. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

type Signer =
  | {
      thumbprints: CertificateThumbprints;
      sign(header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string>;
    }
  | { failure: string };

/** The signer of a `private_key_jwt` credential: a fixture key by name, or a generated key. */
async function signerFor(
  key: Extract<ClientCredential, { type: 'private_key_jwt' }>['key'],
  alg: SigningAlg,
): Promise<Signer> {
  if (typeof key === 'string') {
    const fixture = await getFixtureKey(key);
    return {
      thumbprints: fixture.thumbprints,
      sign: (header, payload) => signJwt(key, alg, header, payload),
    };
  }
  const loaded = await loadGeneratedKey(key, alg);
  return loaded.ok ? loaded.key : { failure: loaded.message };
}

/**
 * Builds the client authentication for `credential`. For `private_key_jwt` it signs a client
 * assertion (RFC 7523 section 3) with the certificate's key (a fixture, or a generated key imported
 * with jose; one that cannot be imported gives no credential and a failed `client.check` event, so
 * the authority answers AADSTS7000218): PS256 with `x5t#S256`, or
 * RS256 with `x5t`; `aud` = the token endpoint URL, `iss` = `sub` = client id, a random `jti`,
 * `nbf`/`iat` = now, `exp` = now + 600 s (what MSAL does). `now` is epoch seconds.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export async function buildClientAuth(
  credential: ClientCredential,
  clientId: string,
  tokenEndpoint: string,
  now: number,
  random: SeededRandom,
  party: string,
): Promise<ClientAuthParts> {
  switch (credential.type) {
    case 'client_secret_post':
      return {
        headers: {},
        params: { client_secret: credential.secret },
        sendClientId: true,
        events: [],
      };
    case 'client_secret_basic': {
      const raw = `${formEncode(clientId)}:${formEncode(credential.secret)}`;
      const basic = toBase64(new TextEncoder().encode(raw));
      return {
        headers: { Authorization: `Basic ${basic}` },
        params: {},
        sendClientId: false,
        events: [],
      };
    }
    case 'private_key_jwt': {
      const key = await signerFor(credential.key, credential.alg);
      if ('failure' in key) {
        return {
          headers: {},
          params: {},
          sendClientId: true,
          events: [
            {
              type: 'client.check',
              party,
              ok: false,
              detail: `The private key could not be imported, so no client assertion is sent (${key.failure}).`,
            },
          ],
        };
      }
      const header =
        credential.alg === 'PS256'
          ? { 'x5t#S256': key.thumbprints.x5tS256 }
          : { x5t: key.thumbprints.x5t };
      const nbf = now + (credential.notBeforeOffsetSeconds ?? 0);
      const payload = {
        aud: credential.audience ?? tokenEndpoint,
        iss: clientId,
        sub: clientId,
        jti: random.guid(),
        nbf,
        iat: nbf,
        exp: nbf + (credential.lifetimeSeconds ?? 600),
      };
      const assertion = await key.sign(header, payload);
      return {
        headers: {},
        params: { client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion },
        sendClientId: true,
        events: [
          {
            type: 'client.assertion.built',
            party,
            header: { alg: credential.alg, typ: 'JWT', ...header },
            payload,
          },
        ],
      };
    }
    case 'none':
      return { headers: {}, params: {}, sendClientId: true, events: [] };
  }
}
