// A confidential web app: starts sign-in, checks state, redeems the code (PKCE), validates the ID token, calls its API.
import type { EndpointResult } from '../../model/endpoint';
import type { WebAppParty } from '../../model/scenario';
import { leftHalfSha256Base64Url, sha256Base64Url, toBase64Url, verifyJwt } from '../../crypto';
import type { Jwks } from '../../crypto';
import { clientErrorCard, errorFromDescription, parseClaimsChallenge } from '../../errors';
import { readCookie, sessionCookie } from '../../http/cookies';
import { textPage as page } from '../../http/html';
import { decodeForm, getHeader } from '../../http/message';
import type { HttpRequest, HttpResponse } from '../../http/message';
import { redirectResponse } from '../../http/redirect';
import { AUTHORITY_ORIGIN, issuersFor } from '../authority/keys';
import type { PartyEnv } from '../shared/env';
import { fetchJwksOnce, postTokenRequest } from '../shared/token-request';

/** The app's session cookie name. */
export const APP_SESSION_COOKIE = 'appsession';

interface AppSession {
  state: string;
  nonce: string;
  codeVerifier: string;
  accessToken?: string;
  refreshToken?: string;
  userName?: string;
  /** Set once the app restarted sign-in for a claims challenge (it does so at most once). */
  claimsChallenged?: boolean;
}

/** What a web app keeps between requests: sessions by cookie, and the authority's JWKS. */
export interface WebAppState {
  sessions: Map<string, AppSession>;
  jwks?: Jwks;
}

/** The authorize URL the app sends the browser to (RFC 6749 section 4.1.1, PKCE per RFC 7636 section 4.3). */
async function authorizeUrl(
  party: WebAppParty,
  env: PartyEnv,
  session: AppSession,
  claims?: string,
): Promise<string> {
  const path = party.signIn.endpoint === 'v2' ? 'oauth2/v2.0/authorize' : 'oauth2/authorize';
  const params = new URLSearchParams({
    client_id: party.appId,
    response_type: party.signIn.responseType,
    redirect_uri: redirectUri(party),
    response_mode: party.signIn.responseMode,
    scope: party.signIn.scope,
    state: session.state,
    nonce: session.nonce,
  });
  if (party.signIn.pkce) {
    params.set('code_challenge', await sha256Base64Url(session.codeVerifier));
    params.set('code_challenge_method', 'S256');
  }
  if (party.signIn.prompt) params.set('prompt', party.signIn.prompt);
  if (party.signIn.loginHint) params.set('login_hint', party.signIn.loginHint);
  if (claims) params.set('claims', claims);
  return `${AUTHORITY_ORIGIN}/${env.tenantId}/${path}?${params.toString()}`;
}

function redirectUri(party: WebAppParty): string {
  return party.quirks?.redirectUriOverride ?? `${party.baseUrl}${party.signIn.redirectPath}`;
}

/**
 * Validates an ID token as a client must (OpenID Connect Core section 3.1.3.7): signature with the
 * authority's keys, `iss` of the tenant, `aud` = this app, not expired, `nonce` = the one this
 * browser session sent, and `c_hash` when it came with a code. Returns an error text or undefined.
 */
async function validateIdToken(
  party: WebAppParty,
  state: WebAppState,
  env: PartyEnv,
  idToken: string,
  session: AppSession,
  code?: string,
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
  session.userName = String(result.payload.name ?? result.payload.preferred_username ?? '');
  env.network.emit({
    type: 'client.check',
    party: party.id,
    ok: true,
    detail: `ID token valid: signature, iss, aud = this app, exp, nonce${code && result.payload.c_hash ? ', c_hash' : ''} checked; user ${session.userName}.`,
  });
  return undefined;
}

function tokenRequest(
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
  });
}

async function callApi(
  party: WebAppParty,
  env: PartyEnv,
  accessToken: string,
): Promise<HttpResponse | undefined> {
  if (!party.api) return undefined;
  const base = env.partyUrls.get(party.api.target) ?? `https://${party.api.target}.invalid`;
  return env.network.send(
    party.id,
    {
      method: 'GET',
      url: `${base}${party.api.path}`,
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    },
    'call-api',
  );
}

/**
 * Handles a browser request to the web app:
 * - `GET /`: start sign-in: new `state`, `nonce`, PKCE verifier; 302 to the authorize endpoint.
 * - the redirect path (`GET` query or `POST` form_post): check `state`, show an `error`, redeem
 *   the code, validate the ID token, call the API, and show the signed-in page.
 * - `GET /refresh-demo`: call the API again; on 401 use the refresh token and retry.
 */
export async function handleWebAppRequest(
  party: WebAppParty,
  state: WebAppState,
  env: PartyEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const url = new URL(request.url);
  if (url.pathname === '/' && request.method === 'GET') {
    const sessionId = toBase64Url(env.random.bytes(12));
    const session: AppSession = {
      state: env.random.guid(),
      nonce: env.random.guid(),
      codeVerifier: toBase64Url(env.random.bytes(32)),
    };
    state.sessions.set(sessionId, session);
    return {
      response: redirectResponse(await authorizeUrl(party, env, session), {
        'Set-Cookie': sessionCookie(APP_SESSION_COOKIE, sessionId),
      }),
    };
  }
  const session = state.sessions.get(readCookie(request, APP_SESSION_COOKIE) ?? '');
  if (url.pathname === party.signIn.redirectPath) {
    const params = new Map(
      request.method === 'POST' ? decodeForm(request.body) : [...url.searchParams.entries()],
    );
    if (!session)
      return {
        response: page(400, 'Session expired', 'No sign-in in progress in this browser.'),
        error: clientErrorCard('no-session'),
      };
    const returnedState = party.quirks?.forgedState
      ? 'forged-state-from-another-browser'
      : params.get('state');
    if (returnedState !== session.state) {
      env.network.emit({
        type: 'client.check',
        party: party.id,
        ok: false,
        detail: `state mismatch: sent ${session.state}, received ${String(returnedState)}.`,
      });
      return {
        response: page(
          400,
          'Sign-in failed',
          "The state in the response does not match this browser's sign-in request.",
        ),
        error: clientErrorCard('state-mismatch'),
      };
    }
    env.network.emit({
      type: 'client.check',
      party: party.id,
      ok: true,
      detail: 'state matches the one this browser session sent.',
    });
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description') ?? '';
      return {
        response: page(400, 'Sign-in failed', `${error}: ${description}`),
        ...errorFromDescription(description),
      };
    }
    const code = params.get('code') ?? '';
    const frontIdToken = params.get('id_token');
    if (frontIdToken) {
      const problem = await validateIdToken(party, state, env, frontIdToken, session, code);
      if (problem)
        return {
          response: page(400, 'Sign-in failed', problem),
          error: clientErrorCard('front-channel-id-token-rejected', { problem }),
        };
    }
    const redeem = () =>
      tokenRequest(
        party,
        env,
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri(party),
          scope: party.signIn.scope,
          ...(party.signIn.pkce
            ? {
                code_verifier: party.quirks?.wrongCodeVerifier
                  ? toBase64Url(env.random.bytes(32))
                  : session.codeVerifier,
              }
            : {}),
        },
        'redeem-code',
      );
    let tokens = await redeem();
    if (party.quirks?.redeemCodeTwice && tokens.response.status === 200) tokens = await redeem();
    if (tokens.response.status !== 200 || typeof tokens.body.access_token !== 'string') {
      const description = String(tokens.body.error_description ?? '');
      return {
        response: page(400, 'Sign-in failed', description),
        ...errorFromDescription(description),
      };
    }
    if (typeof tokens.body.id_token === 'string' && !frontIdToken) {
      const problem = await validateIdToken(party, state, env, tokens.body.id_token, session);
      if (problem)
        return {
          response: page(400, 'Sign-in failed', problem),
          error: clientErrorCard('id-token-rejected', { problem }),
        };
    }
    session.accessToken = tokens.body.access_token;
    if (typeof tokens.body.refresh_token === 'string')
      session.refreshToken = tokens.body.refresh_token;
    return finishWithApi(party, env, session, 'Signed in');
  }
  if (url.pathname === '/refresh-demo' && session?.accessToken) {
    const first = await callApi(party, env, session.accessToken);
    if (first && first.status === 401 && session.refreshToken) {
      const refreshed = await tokenRequest(
        party,
        env,
        {
          grant_type: 'refresh_token',
          refresh_token: session.refreshToken,
          scope: party.signIn.scope,
        },
        'refresh',
      );
      if (refreshed.response.status !== 200 || typeof refreshed.body.access_token !== 'string') {
        const description = String(refreshed.body.error_description ?? '');
        return {
          response: page(401, 'Please sign in again', description),
          ...errorFromDescription(description),
        };
      }
      session.accessToken = refreshed.body.access_token;
      if (typeof refreshed.body.refresh_token === 'string')
        session.refreshToken = refreshed.body.refresh_token;
      return finishWithApi(party, env, session, 'Data refreshed');
    }
    return {
      response:
        first && first.status === 200
          ? page(200, 'Data', first.body)
          : page(first?.status ?? 500, 'API call failed', first?.body ?? ''),
    };
  }
  return { response: page(404, 'Not found', url.pathname) };
}

async function finishWithApi(
  party: WebAppParty,
  env: PartyEnv,
  session: AppSession,
  title: string,
): Promise<EndpointResult> {
  const api = await callApi(party, env, session.accessToken ?? '');
  const challenge =
    api && api.status === 401
      ? parseClaimsChallenge(getHeader(api.headers, 'WWW-Authenticate'))
      : undefined;
  if (challenge && !session.claimsChallenged) {
    // A claims challenge (claims-challenge doc): sign the user in again asking for those claims.
    session.claimsChallenged = true;
    session.state = env.random.guid();
    session.nonce = env.random.guid();
    session.codeVerifier = toBase64Url(env.random.bytes(32));
    env.network.emit({
      type: 'client.check',
      party: party.id,
      ok: true,
      detail: `claims challenge received (${challenge}); starting a new sign-in with the claims parameter.`,
    });
    return { response: redirectResponse(await authorizeUrl(party, env, session, challenge)) };
  }
  if (api && api.status !== 200) {
    return {
      response: page(502, 'The API call failed', api.body),
      error: clientErrorCard('api-refused'),
    };
  }
  return {
    response: page(
      200,
      `${title}: ${session.userName ?? ''}`.trim(),
      api ? api.body : 'No API call configured.',
    ),
  };
}
