// One way for every party to call the token endpoint: client authentication plus the grant's parameters.
import type { PartyEnv } from './env';
import type { ClientCredential, EndpointVersion } from '../../model/scenario';
import type { Jwks } from '../../crypto';
import { encodeForm, parseJsonBody } from '../../http/message';
import type { HttpResponse } from '../../http/message';
import { AUTHORITY_ORIGIN } from '../authority/keys';
import { buildClientAuth } from '../client/credentials';

/** What a party needs to talk to the authority over the simulated network. */
export type AuthorityClientEnv = Pick<PartyEnv, 'network' | 'clock' | 'random' | 'tenantId'>;

/** The tenant's token endpoint: `/oauth2/v2.0/token` (v2) or `/oauth2/token` (v1). */
export function tokenEndpointUrl(tenantId: string, endpoint: EndpointVersion): string {
  return endpoint === 'v2'
    ? `${AUTHORITY_ORIGIN}/${tenantId}/oauth2/v2.0/token`
    : `${AUTHORITY_ORIGIN}/${tenantId}/oauth2/token`;
}

/** A token request: who asks, how it authenticates, and the grant's parameters around the credential. */
export interface TokenRequestSpec {
  partyId: string;
  clientId: string;
  credential: ClientCredential;
  endpoint: EndpointVersion;
  /** Parameters written after `client_id` and before the credential. */
  before?: Record<string, string | undefined>;
  /** Parameters written after the credential. */
  after?: Record<string, string | undefined>;
  /** Narration tag of the request. */
  tag: string;
  /** Extra request headers, e.g. `Origin` when a single-page app's JavaScript sends it. */
  headers?: Record<string, string>;
}

/**
 * POSTs a form-encoded token request (RFC 6749 section 3.2) with the party's client
 * authentication (RFC 6749 section 2.3, RFC 7523) and resolves with the response and its parsed
 * JSON body (`{}` when not JSON). Assertion-building events are emitted before the request.
 */
export async function postTokenRequest(
  env: AuthorityClientEnv,
  spec: TokenRequestSpec,
): Promise<{ response: HttpResponse; body: Record<string, unknown> }> {
  const url = tokenEndpointUrl(env.tenantId, spec.endpoint);
  const auth = await buildClientAuth(
    spec.credential,
    spec.clientId,
    url,
    env.clock.now + 1,
    env.random,
    spec.partyId,
  );
  for (const event of auth.events) env.network.emit(event);
  const body = encodeForm({
    ...(auth.sendClientId ? { client_id: spec.clientId } : {}),
    ...spec.before,
    ...auth.params,
    ...spec.after,
  });
  const response = await env.network.send(
    spec.partyId,
    {
      method: 'POST',
      url,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...spec.headers,
        ...auth.headers,
      },
      body,
    },
    spec.tag,
  );
  return { response, body: (parseJsonBody(response) ?? {}) as Record<string, unknown> };
}

/**
 * The authority's JWKS, fetched once over the simulated network and kept in `holder`; a
 * `jwks.cached` event records the first fetch. `undefined` if unavailable. `metadata` says which
 * OpenID configuration the party validates against, and so which `jwks_uri` it uses: v2.0 tokens
 * `GET /{tenant}/discovery/v2.0/keys` (from `/{tenant}/v2.0/.well-known/openid-configuration`),
 * v1.0 tokens `GET /{tenant}/discovery/keys` (from `/{tenant}/.well-known/openid-configuration`).
 * @see https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-signature
 */
export async function fetchJwksOnce(
  env: AuthorityClientEnv,
  partyId: string,
  holder: { jwks?: Jwks },
  metadata: '1.0' | '2.0' = '2.0',
): Promise<Jwks | undefined> {
  if (holder.jwks) return holder.jwks;
  const keysPath = metadata === '1.0' ? 'discovery/keys' : 'discovery/v2.0/keys';
  const response = await env.network.send(
    partyId,
    {
      method: 'GET',
      url: `${AUTHORITY_ORIGIN}/${env.tenantId}/${keysPath}`,
      headers: { Accept: 'application/json' },
    },
    `${partyId}:jwks`,
  );
  const body = parseJsonBody(response) as Jwks | undefined;
  if (response.status !== 200 || !body || !Array.isArray(body.keys)) return undefined;
  holder.jwks = body;
  env.network.emit({ type: 'jwks.cached', party: partyId, keys: body.keys.length });
  return body;
}
