// The confidential web app's session, its ID token validation, and its token requests and API calls.
import type { WebAppParty } from '../../model/scenario';
import { leftHalfSha256Base64Url, verifyJwt } from '../../crypto';
import type { Jwks } from '../../crypto';
import type { HttpResponse } from '../../http/message';
import { issuersFor } from '../authority/keys';
import type { PartyEnv } from '../shared/env';
import { fetchJwksOnce, postTokenRequest } from '../shared/token-request';

/** One browser's sign-in with the app: what it sent, and the tokens and user it got. */
export interface AppSession {
  state: string;
  nonce: string;
  codeVerifier: string;
  accessToken?: string;
  refreshToken?: string;
  userName?: string;
  /** The validated ID token (an OBO what-if may send it on). */
  idToken?: string;
  /** The signed-in user's UPN from the ID token (the trusted subsystem passes it on). */
  userPrincipalName?: string;
  /** Set once the app restarted sign-in for a claims challenge (it does so at most once). */
  claimsChallenged?: boolean;
}

/** What a web app keeps between requests: sessions by cookie, and the authority's JWKS. */
export interface WebAppState {
  sessions: Map<string, AppSession>;
  jwks?: Jwks;
}

/**
 * Validates an ID token as a client must (OpenID Connect Core section 3.1.3.7): signature with the
 * authority's keys, `iss` of the tenant, `aud` = this app, not expired, `nonce` = the one this
 * browser session sent, and `c_hash` when it came with a code. Returns an error text or undefined.
 */
export async function validateIdToken(
  party: WebAppParty,
  state: WebAppState,
  env: PartyEnv,
  idToken: string,
  session: AppSession,
  code?: string,
  accessToken?: string,
): Promise<string | undefined> {
  const jwks = await fetchJwksOnce(env, party.id, state);
  if (!jwks) return 'The signing keys could not be loaded.';
  const result = await verifyJwt(idToken, jwks, {
    now: env.clock.now,
    issuer: issuersFor(env.tenantId),
    audience: [party.appId],
    clockToleranceSeconds: 300,
  });
  if (!result.ok) return `ID token rejected: ${result.message}`;
  if (result.payload.nonce !== session.nonce)
    return 'ID token nonce does not match the nonce of this sign-in (possible replay).';
  if (
    code &&
    typeof result.payload.c_hash === 'string' &&
    result.payload.c_hash !== (await leftHalfSha256Base64Url(code))
  ) {
    return 'ID token c_hash does not match the code (the code was swapped).';
  }
  if (accessToken && result.payload.at_hash !== (await leftHalfSha256Base64Url(accessToken)))
    return 'ID token at_hash does not match the access token that came with it (the token was swapped).';
  session.userName = String(result.payload.name ?? result.payload.preferred_username ?? '');
  session.idToken = idToken;
  session.userPrincipalName = String(result.payload.preferred_username ?? result.payload.upn ?? '');
  env.network.emit({
    type: 'client.check',
    party: party.id,
    ok: true,
    detail: `ID token valid: signature, iss, aud = this app, exp, nonce${code && result.payload.c_hash ? ', c_hash' : ''}${accessToken ? ', at_hash' : ''} checked; user ${session.userName}.`,
  });
  return undefined;
}

export function tokenRequest(
  party: WebAppParty,
  env: PartyEnv,
  params: Record<string, string | undefined>,
  tag: string,
): Promise<{ response: HttpResponse; body: Record<string, unknown> }> {
  return postTokenRequest(env, {
    partyId: party.id,
    clientId: party.appId,
    credential: party.credential,
    endpoint: party.signIn.endpoint,
    before: params,
    tag,
    // A single-page app's JavaScript calls the token endpoint cross-origin, from the page.
    ...(party.singlePageApp ? { headers: { Origin: new URL(party.baseUrl).origin } } : {}),
  });
}

/**
 * The trusted subsystem's call (`api.identity: 'application'`): the scope of the app's own
 * client-credentials token and the unsigned header that names the signed-in user.
 */
function appIdentityCall(
  party: WebAppParty,
  session: AppSession | undefined,
): { scope: string; header: string; user: string } | undefined {
  const api = party.api;
  if (api?.identity !== 'application') return undefined;
  return {
    scope: api.appScope ?? '',
    header: api.userHeader ?? 'X-On-Behalf-Of-User',
    user: party.quirks?.userHeaderOverride ?? session?.userPrincipalName ?? '',
  };
}

export async function callApi(
  party: WebAppParty,
  env: PartyEnv,
  accessToken: string,
  session?: AppSession,
  target: string = party.api?.target ?? '',
): Promise<HttpResponse | undefined> {
  if (!party.api) return undefined;
  const base = env.partyUrls.get(target) ?? `https://${target}.invalid`;
  const asApp = appIdentityCall(party, session);
  let bearer = accessToken;
  if (asApp) {
    const own = await tokenRequest(
      party,
      env,
      { scope: asApp.scope, grant_type: 'client_credentials' },
      'app-token',
    );
    if (own.response.status !== 200 || typeof own.body.access_token !== 'string')
      return own.response;
    bearer = own.body.access_token;
  }
  return env.network.send(
    party.id,
    {
      method: 'GET',
      url: `${base}${party.api.path}`,
      headers: {
        Authorization: `Bearer ${bearer}`,
        Accept: 'application/json',
        ...(asApp ? { [asApp.header]: asApp.user } : {}),
      },
    },
    'call-api',
  );
}
