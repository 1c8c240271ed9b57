// Writes the two SAMPLE HAR files of public/samples/ (HAR 1.2), built from the example requests and
// responses of the Microsoft Learn pages on the authorization code flow and the On-Behalf-Of and
// client credentials flows. Every JWT in them is a real, decodable JWT signed here with jose by a
// key generated for this run and thrown away: they are SAMPLES, valid nowhere.
//
//   node scripts/generate-har-samples.mjs
//
// Sources:
//   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
//   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
//   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
//   https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
import { writeFileSync, mkdirSync } from 'node:fs';
import { SignJWT, generateKeyPair } from 'jose';

const OUT = new URL('../public/samples/', import.meta.url);
// The docs' placeholder identifiers.
const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee';
const SPA_APP = '00001111-aaaa-2222-bbbb-3333cccc4444';
const API_A_APP = '11112222-bbbb-3333-cccc-4444dddd5555';
const DAEMON_APP = '22223333-cccc-4444-dddd-5555eeee6666';
const ORDERS_APP = '33334444-dddd-5555-eeee-6666ffff7777';
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';
const USER_OID = 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb';
const DAEMON_SP = 'bbbbbbbb-1111-2222-3333-cccccccccccc';
const LOGIN = `https://login.microsoftonline.com/${TENANT}`;
const ISSUER_V2 = `${LOGIN}/v2.0`;
const KID = 'SAMPLE-KEY-not-a-real-Entra-key';
const T0 = Date.parse('2026-01-15T09:30:00.000Z');
const NOW = Math.floor(T0 / 1000);

const { privateKey } = await generateKeyPair('RS256');

/** @typedef {import('har-format').Entry} Entry */
/** @typedef {import('har-format').Header} Header */

/**
 * Signs `claims` as a sample JWT (RS256, kid naming the throwaway key).
 * @param {import('jose').JWTPayload} claims
 * @param {string} [typ]
 */
function jwt(claims, typ = 'JWT') {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ, kid: KID }).sign(privateKey);
}

/** @type {(name: string, value: string) => Header} */
const header = (name, value) => ({ name, value });
/** @type {(url: string) => Header[]} */
const query = (url) => [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
/** @type {(params: Record<string, string>) => string} */
const form = (params) => new URLSearchParams(params).toString();

let clock = T0;
/**
 * One HAR 1.2 entry; `wait` is the server's time in milliseconds.
 * @param {{ method?: string, url: string, headers?: Header[], body?: string, status: number,
 *   statusText: string, respHeaders?: Header[], mime?: string, text?: string, wait?: number }} options
 * @returns {Entry}
 */
function entry({
  method = 'GET',
  url,
  headers = [],
  body,
  status,
  statusText,
  respHeaders = [],
  mime,
  text,
  wait = 80,
}) {
  const started = new Date(clock).toISOString();
  clock += wait + 400;
  /** @type {import('har-format').Request} */
  const request = {
    method,
    url,
    httpVersion: 'HTTP/2',
    headers,
    queryString: query(url),
    cookies: [],
    headersSize: -1,
    bodySize: body ? body.length : 0,
  };
  if (body !== undefined) {
    // Browsers write both the text and the params of a form post; @types/har-format allows one.
    request.postData = /** @type {import('har-format').PostData} */ (
      /** @type {unknown} */ ({
        mimeType: 'application/x-www-form-urlencoded',
        text: body,
        params: [...new URLSearchParams(body)].map(([name, value]) => ({ name, value })),
      })
    );
  }
  const location = respHeaders.find((h) => h.name.toLowerCase() === 'location');
  return {
    startedDateTime: started,
    time: wait + 20,
    request,
    response: {
      status,
      statusText,
      httpVersion: 'HTTP/2',
      headers: mime ? [header('content-type', mime), ...respHeaders] : respHeaders,
      cookies: [],
      content: {
        size: text ? text.length : 0,
        mimeType: mime ?? 'x-unknown',
        ...(text ? { text } : {}),
      },
      redirectURL: location ? location.value : '',
      headersSize: -1,
      bodySize: text ? text.length : 0,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 1, wait, receive: 18 },
  };
}

/**
 * The HAR file's text.
 * @param {string} comment
 * @param {Entry[]} entries
 */
function har(comment, entries) {
  return `${JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'oauth-flow-simulator sample generator', version: '1.0' },
        comment,
        entries,
      },
    },
    null,
    2,
  )}\n`;
}

/** @type {(value: unknown) => string} */
const json = (value) => JSON.stringify(value);
const BROWSER = header(
  'user-agent',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
);

// ---- Sample 1: a SPA signs a user in with the authorization code flow and PKCE, calls Graph. ----
const APP = 'http://localhost/myapp/';
const VERIFIER = 'ThisIsntRandomButItNeedsToBe43CharactersLong';
const CHALLENGE = 'JsnLfnBCs6xDmF0bNYH0VOfcm0vp0RjA1XLl4sB7OiU';
const CODE =
  '0.AXkAUwK1k9HGH0yDSAmU6GLZ7uGKqOakcD9OmOHsJHvSbVMBAAA.SAMPLE-authorization-code-not-valid-anywhere';
const REFRESH = '0.AXkAUwK1k9HGH0yD.SAMPLE-refresh-token-opaque-to-the-app-not-valid-anywhere';
const authorize = `${LOGIN}/oauth2/v2.0/authorize?${form({
  client_id: SPA_APP,
  response_type: 'code',
  redirect_uri: APP,
  response_mode: 'query',
  scope: 'openid offline_access https://graph.microsoft.com/mail.read',
  state: '12345',
  nonce: '678910',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
})}`;
const accessTokenGraph = await jwt({
  aud: 'https://graph.microsoft.com',
  iss: `https://sts.windows.net/${TENANT}/`,
  iat: NOW,
  nbf: NOW,
  exp: NOW + 4358,
  acr: '1',
  amr: ['pwd', 'mfa'],
  app_displayname: 'Contoso SPA (sample)',
  appid: SPA_APP,
  appidacr: '0',
  family_name: 'Lovelace',
  given_name: 'Ada',
  idtyp: 'user',
  name: 'Ada Lovelace',
  oid: USER_OID,
  scp: 'Mail.Read openid profile email',
  sub: 'SAMPLE-pairwise-subject-for-graph',
  tid: TENANT,
  unique_name: 'ada@contoso.example',
  upn: 'ada@contoso.example',
  ver: '1.0',
});
const idToken = await jwt({
  aud: SPA_APP,
  iss: ISSUER_V2,
  iat: NOW,
  nbf: NOW,
  exp: NOW + 3600,
  name: 'Ada Lovelace',
  nonce: '678910',
  oid: USER_OID,
  preferred_username: 'ada@contoso.example',
  sub: 'SAMPLE-pairwise-subject-for-the-spa',
  tid: TENANT,
  ver: '2.0',
});
const signIn = [
  entry({
    url: `${ISSUER_V2}/.well-known/openid-configuration`,
    headers: [BROWSER],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json({
      issuer: ISSUER_V2,
      authorization_endpoint: `${LOGIN}/oauth2/v2.0/authorize`,
      token_endpoint: `${LOGIN}/oauth2/v2.0/token`,
      jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  }),
  entry({
    url: authorize,
    headers: [BROWSER],
    status: 200,
    statusText: 'OK',
    mime: 'text/html; charset=utf-8',
    text: '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><form method="post" action="/common/login"><input type="hidden" name="flowToken" value="SAMPLE-flow-token"></form></body></html>',
  }),
  entry({
    method: 'POST',
    url: 'https://login.microsoftonline.com/common/login',
    headers: [
      BROWSER,
      header('content-type', 'application/x-www-form-urlencoded'),
      header('cookie', 'esctx=SAMPLE-session-context; buid=SAMPLE'),
    ],
    body: form({
      login: 'ada@contoso.example',
      passwd: 'SAMPLE-password-never-real',
      flowToken: 'SAMPLE-flow-token',
      ctx: 'SAMPLE-context',
    }),
    status: 302,
    statusText: 'Found',
    respHeaders: [
      header(
        'location',
        `${APP}?code=${encodeURIComponent(CODE)}&state=12345&session_state=SAMPLE-session`,
      ),
      header('set-cookie', 'ESTSAUTH=SAMPLE-session-cookie; path=/; secure; HttpOnly'),
    ],
  }),
  entry({
    url: `${APP}?code=${encodeURIComponent(CODE)}&state=12345&session_state=SAMPLE-session`,
    headers: [BROWSER],
    status: 200,
    statusText: 'OK',
    mime: 'text/html',
    text: '<!DOCTYPE html><html><body><div id="root"></div></body></html>',
  }),
  entry({
    url: `${APP}assets/app.js`,
    headers: [BROWSER],
    status: 200,
    statusText: 'OK',
    mime: 'text/javascript',
    text: 'console.log("the app");',
  }),
  entry({
    method: 'POST',
    url: `${LOGIN}/oauth2/v2.0/token`,
    headers: [
      BROWSER,
      header('origin', 'http://localhost'),
      header('content-type', 'application/x-www-form-urlencoded'),
    ],
    body: form({
      client_id: SPA_APP,
      scope: 'openid offline_access https://graph.microsoft.com/mail.read',
      code: CODE,
      redirect_uri: APP,
      grant_type: 'authorization_code',
      code_verifier: VERIFIER,
    }),
    status: 200,
    statusText: 'OK',
    mime: 'application/json; charset=utf-8',
    text: json({
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/Mail.Read openid profile email',
      expires_in: 4358,
      ext_expires_in: 4358,
      access_token: accessTokenGraph,
      refresh_token: REFRESH,
      id_token: idToken,
      client_info:
        'eyJ1aWQiOiJhYWFhYWFhYS0wMDAwLTExMTEtMjIyMi1iYmJiYmJiYmJiYmIiLCJ1dGlkIjoiYWFhYWJiYmItMDAwMC1jY2NjLTExMTEtZGRkZDIyMjJlZWVlIn0',
    }),
  }),
  entry({
    url: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    headers: [BROWSER],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json({
      keys: [
        {
          kty: 'RSA',
          use: 'sig',
          kid: KID,
          n: 'SAMPLE-modulus-not-a-real-key',
          e: 'AQAB',
          issuer: ISSUER_V2,
        },
      ],
    }),
  }),
  entry({
    url: 'https://graph.microsoft.com/v1.0/me/messages?$select=subject',
    headers: [BROWSER, header('authorization', `Bearer ${accessTokenGraph}`)],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json({ value: [{ id: 'SAMPLE-message', subject: 'Welcome to Contoso' }] }),
  }),
];
mkdirSync(OUT, { recursive: true });
writeFileSync(
  new URL('sample-sign-in-auth-code.har', OUT),
  har(
    'SAMPLE for the OAuth Flow Simulator, made from the examples of https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow. The JWTs are real JWTs signed by a throwaway key: valid nowhere.',
    signIn,
  ),
);

// ---- Sample 2: a web API uses OBO to call Graph; a daemon uses client credentials (captured by a proxy). ----
clock = T0 + 600_000;
const PROXY = header('user-agent', 'python-requests/2.32 (captured through a debugging proxy)');
const tokenA = await jwt({
  aud: API_A_APP,
  iss: ISSUER_V2,
  iat: NOW + 600,
  nbf: NOW + 600,
  exp: NOW + 4200,
  azp: SPA_APP,
  azpacr: '0',
  name: 'Ada Lovelace',
  oid: USER_OID,
  preferred_username: 'ada@contoso.example',
  scp: 'access_as_user',
  sub: 'SAMPLE-pairwise-subject-for-api-a',
  tid: TENANT,
  ver: '2.0',
});
const tokenB = await jwt({
  aud: GRAPH_APP,
  iss: `https://sts.windows.net/${TENANT}/`,
  iat: NOW + 601,
  nbf: NOW + 601,
  exp: NOW + 4201,
  appid: API_A_APP,
  appidacr: '1',
  name: 'Ada Lovelace',
  oid: USER_OID,
  scp: 'User.Read',
  sub: 'SAMPLE-pairwise-subject-for-graph',
  tid: TENANT,
  upn: 'ada@contoso.example',
  ver: '1.0',
});
const appOnly = await jwt({
  aud: ORDERS_APP,
  iss: ISSUER_V2,
  iat: NOW + 605,
  nbf: NOW + 605,
  exp: NOW + 4205,
  azp: DAEMON_APP,
  azpacr: '1',
  idtyp: 'app',
  oid: DAEMON_SP,
  roles: ['Orders.Read.All'],
  sub: DAEMON_SP,
  tid: TENANT,
  ver: '2.0',
});
const API_A = 'https://api-a.contoso.example';
const oboEntries = [
  entry({
    url: `${API_A}/todos`,
    headers: [PROXY, header('authorization', `Bearer ${tokenA}`)],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json([{ id: 1, title: 'Read the OBO doc', owner: 'ada@contoso.example' }]),
    wait: 1400,
  }),
  entry({
    method: 'POST',
    url: `${LOGIN}/oauth2/v2.0/token`,
    headers: [PROXY, header('content-type', 'application/x-www-form-urlencoded')],
    body: form({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: API_A_APP,
      client_secret: 'sampleCredentia1s',
      assertion: tokenA,
      scope: 'https://graph.microsoft.com/user.read offline_access',
      requested_token_use: 'on_behalf_of',
    }),
    status: 200,
    statusText: 'OK',
    mime: 'application/json; charset=utf-8',
    text: json({
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/user.read',
      expires_in: 3269,
      ext_expires_in: 0,
      access_token: tokenB,
      refresh_token: '0.AXkAUwK1k9HGH0yD.SAMPLE-obo-refresh-token-not-valid-anywhere',
    }),
  }),
  entry({
    url: 'https://graph.microsoft.com/v1.0/me',
    headers: [PROXY, header('authorization', `Bearer ${tokenB}`)],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json({
      displayName: 'Ada Lovelace',
      userPrincipalName: 'ada@contoso.example',
      id: USER_OID,
    }),
  }),
  entry({
    method: 'POST',
    url: `${LOGIN}/oauth2/v2.0/token`,
    headers: [PROXY, header('content-type', 'application/x-www-form-urlencoded')],
    body: form({
      client_id: DAEMON_APP,
      scope: 'api://orders/.default',
      client_secret: 'SAMPLE-an-old-secret',
      grant_type: 'client_credentials',
    }),
    status: 401,
    statusText: 'Unauthorized',
    mime: 'application/json; charset=utf-8',
    text: json({
      error: 'invalid_client',
      error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${DAEMON_APP}'. Trace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333 Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd Timestamp: 2026-01-15 09:40:06Z`,
      error_codes: [7000215],
      timestamp: '2026-01-15 09:40:06Z',
      trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333',
      correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    }),
  }),
  entry({
    method: 'POST',
    url: `${LOGIN}/oauth2/v2.0/token`,
    headers: [PROXY, header('content-type', 'application/x-www-form-urlencoded')],
    body: form({
      client_id: DAEMON_APP,
      scope: 'api://orders/.default',
      client_secret: 'sampleCredentia1s',
      grant_type: 'client_credentials',
    }),
    status: 200,
    statusText: 'OK',
    mime: 'application/json; charset=utf-8',
    text: json({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: appOnly,
    }),
  }),
  entry({
    url: 'https://orders.contoso.example/orders',
    headers: [PROXY, header('authorization', `Bearer ${appOnly}`)],
    status: 200,
    statusText: 'OK',
    mime: 'application/json',
    text: json([{ id: 'SO-1001', total: 42 }]),
  }),
];
// The middle tier's calls happen while the client's request to API A waits: API A answers last.
const [callToApiA, oboCall, graphCall] = oboEntries;
if (!callToApiA || !oboCall || !graphCall) throw new Error('The OBO sample lost its first calls.');
const apiAStarted = Date.parse(callToApiA.startedDateTime);
oboCall.startedDateTime = new Date(apiAStarted + 200).toISOString();
graphCall.startedDateTime = new Date(apiAStarted + 700).toISOString();
writeFileSync(
  new URL('sample-obo-client-credentials.har', OUT),
  har(
    'SAMPLE for the OAuth Flow Simulator, made from the examples of https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow and https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow. The JWTs are real JWTs signed by a throwaway key: valid nowhere.',
    oboEntries,
  ),
);
console.log(
  'Wrote public/samples/sample-sign-in-auth-code.har and sample-obo-client-credentials.har',
);
