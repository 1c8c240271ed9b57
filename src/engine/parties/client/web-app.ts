// A confidential web app: starts sign-in, checks state, redeems the code (PKCE), validates the ID token, calls its API.
import type { EndpointResult } from '../../model/endpoint';
import type { WebAppParty } from '../../model/scenario';
import { sha256Base64Url, toBase64Url } from '../../crypto';
import { clientErrorCard, errorFromDescription, parseClaimsChallenge } from '../../errors';
import { readCookie, sessionCookie } from '../../http/cookies';
import { htmlResponse, textPage as page } from '../../http/html';
import { decodeForm, getHeader } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import { redirectResponse } from '../../http/redirect';
import { AUTHORITY_ORIGIN } from '../authority/keys';
import { renderPage } from '../authority/pages';
import type { PartyEnv } from '../shared/env';
import type { AppSession, WebAppState } from './web-app-calls';
import { callApi, tokenRequest, validateIdToken } from './web-app-calls';

export type { WebAppState } from './web-app-calls';

/** The app's session cookie name. */
export const APP_SESSION_COOKIE = 'appsession';

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
  if (
    url.pathname === party.signIn.redirectPath &&
    request.method === 'GET' &&
    party.signIn.responseMode === 'fragment' &&
    url.search === ''
  ) {
    // The fragment never reaches the server: the page's script reads it and posts it back.
    return {
      response: htmlResponse(
        200,
        renderPage({ page: 'fragment_post', action: party.signIn.redirectPath }),
      ),
    };
  }
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
    if (!party.signIn.responseType.includes('code'))
      return finishImplicit(party, state, env, session, params);
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
    // A trusted subsystem signs the user in only to know who she is (openid): no access token.
    const needsAccessToken = party.api?.identity !== 'application';
    const accessToken = tokens.body.access_token;
    if (tokens.response.status !== 200 || (needsAccessToken && typeof accessToken !== 'string')) {
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
    if (typeof accessToken === 'string') session.accessToken = accessToken;
    if (typeof tokens.body.refresh_token === 'string')
      session.refreshToken = tokens.body.refresh_token;
    return finishWithApi(party, env, session, 'Signed in');
  }
  if (url.pathname === '/refresh-demo' && session?.accessToken) {
    const first = await callApi(party, env, session.accessToken, session);
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

/**
 * `quirks.onBehalfOf`: the app sends its ID token or access token as an OBO assertion with its own
 * credential (jwt-bearer, RFC 7523 section 2.1, `requested_token_use=on_behalf_of`) and keeps the
 * result as the token for its API call; the error page when the authority refuses.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
async function exchangeOnBehalfOf(
  party: WebAppParty,
  env: PartyEnv,
  session: AppSession,
): Promise<EndpointResult | undefined> {
  const obo = party.quirks?.onBehalfOf;
  if (!obo) return undefined;
  const exchanged = await tokenRequest(
    party,
    env,
    {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: (obo.assertion === 'id_token' ? session.idToken : session.accessToken) ?? '',
      requested_token_use: 'on_behalf_of',
      scope: obo.scope,
    },
    'app-obo',
  );
  if (exchanged.response.status === 200 && typeof exchanged.body.access_token === 'string') {
    session.accessToken = exchanged.body.access_token;
    return undefined;
  }
  const description = String(exchanged.body.error_description ?? '');
  return {
    response: page(502, 'The API call failed', description),
    ...errorFromDescription(description),
  };
}

async function finishWithApi(
  party: WebAppParty,
  env: PartyEnv,
  session: AppSession,
  title: string,
): Promise<EndpointResult> {
  const refused = await exchangeOnBehalfOf(party, env, session);
  if (refused) return refused;
  const target = party.quirks?.onBehalfOf?.target;
  const api = await callApi(party, env, session.accessToken ?? '', session, target);
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

/**
 * The implicit grant's answer, posted by the app's page from the fragment: validate the ID token
 * (nonce, and `at_hash` against the access token), then call the API with the access token.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow
 */
async function finishImplicit(
  party: WebAppParty,
  state: WebAppState,
  env: PartyEnv,
  session: AppSession,
  params: Map<string, string>,
): Promise<EndpointResult> {
  const idToken = params.get('id_token') ?? '';
  const accessToken = params.get('access_token');
  const problem = await validateIdToken(
    party,
    state,
    env,
    idToken,
    session,
    undefined,
    accessToken,
  );
  if (problem)
    return {
      response: page(400, 'Sign-in failed', problem),
      error: clientErrorCard('front-channel-id-token-rejected', { problem }),
    };
  session.accessToken = accessToken ?? '';
  return finishWithApi(party, env, session, 'Signed in');
}
