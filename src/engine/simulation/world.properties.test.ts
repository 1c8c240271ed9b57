// Properties: world.fetch and the network answer any request with a response; nothing ever throws.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getScenario } from '../../scenarios/index';
import type { ScenarioId } from '../index';
import { APP, SECRET, TENANT_ID } from '../../scenarios/contoso';
import { createWorld } from './world';
import type { World } from './world';
import type { HttpRequest } from '../http/message';

const SCENARIOS: ScenarioId[] = [
  'auth-code-pkce',
  'oidc-sign-in',
  'refresh-token',
  'obo-secret',
  'full-chain',
  'cc-secret',
];

const ORIGINS = [
  'https://login.microsoftonline.com',
  'https://webapp.contoso.example',
  'https://todo-api.contoso.example',
  'https://reports-api.contoso.example',
  'https://orders.contoso.example',
  'https://unknown.example',
];

const PATHS = [
  `/${TENANT_ID}/oauth2/v2.0/authorize`,
  `/${TENANT_ID}/oauth2/authorize`,
  `/${TENANT_ID}/oauth2/v2.0/token`,
  `/${TENANT_ID}/oauth2/token`,
  `/${TENANT_ID}/login`,
  `/${TENANT_ID}/mfa`,
  `/${TENANT_ID}/consent`,
  `/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
  `/${TENANT_ID}/discovery/v2.0/keys`,
  '/%zz/oauth2/v2.0/token',
  '/',
  '/signin-oidc',
  '/refresh-demo',
  '/me/todos',
  '/me/reports/summary',
  '/orders',
];

/** Latin-1 text: what a `Headers` value may carry (control characters included, CR/LF/NUL not). */
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x01, max: 0xff })
    .filter((c) => c !== 0x0a && c !== 0x0d)
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const headerName = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

/** An authorize request that passes the client checks, with a hostile `redirect_uri`. */
const authorizeQuery = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'https://webapp.contoso.example/signin-oidc\u000b',
        'https://webapp.contoso.example/si\ngnin-oidc',
        'https://webapp.contoso.example/signin-oidc#\r\nSet-Cookie: x=1',
        'https://web\u200bapp.contoso.example/signin-oidc',
        'https://webapp\uff0econtoso.example/signin-oidc',
      ),
      anyText.map((t) => `https://webapp.contoso.example/signin-oidc${t}`),
    ),
    fc.constantFrom('query', 'fragment', 'form_post'),
    fc.constantFrom('none', 'login', 'select_account'),
  )
  .map(([redirectUri, mode, prompt]) =>
    new URLSearchParams({
      prompt,
      client_id: APP.webApp,
      response_type: 'code',
      response_mode: mode,
      redirect_uri: redirectUri,
      scope: 'openid offline_access api://orders/Orders.Read',
      state: 's',
    }).toString(),
  );

/** Query parameters with real names and hostile values (control characters, unicode, look-alikes). */
const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'client_id',
          'redirect_uri',
          'response_type',
          'response_mode',
          'scope',
          'state',
          'code',
          'error',
          'prompt',
          'claims',
          'nonce',
        ),
        anyText,
      ),
      fc.oneof(
        fc.constantFrom(
          APP.webApp,
          'https://webapp.contoso.example/signin-oidc',
          'https://webapp.contoso.example/si\ngnin-oidc',
          'https://webapp.contoso.example/signin-oidc#\r\nSet-Cookie: x=1',
          'https://web\u200bapp.contoso.example/signin-oidc',
          'code',
          'form_post',
          'openid offline_access api://orders/Orders.Read',
          'none',
        ),
        anyText,
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

const body = fc.oneof(
  anyText,
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'grant_type',
          'client_id',
          'client_secret',
          'refresh_token',
          'code',
          'flow',
          'login',
          'consent',
          'mfa',
          'scope',
          'redirect_uri',
        ),
        fc.oneof(
          fc.constantFrom(
            'refresh_token',
            'authorization_code',
            APP.webApp,
            SECRET.webApp,
            'accept',
            'ada@contoso.onmicrosoft.com',
          ),
          anyText,
        ),
      ),
      { maxLength: 8 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString()),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  origin: fc.constantFrom(...ORIGINS),
  path: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
    fc.webPath(),
    anyText.map((t) => `/${encodeURIComponent(t)}`),
  ),
  query: fc.option(query),
  headers: fc.dictionary(
    fc.oneof(fc.constantFrom('Cookie', 'Authorization', 'Content-Type', 'Origin'), headerName),
    fc.oneof(
      fc.constantFrom(
        'ESTSAUTH=x; webapp_session=y',
        'Bearer eyJ.eyJ.sig',
        'Basic !!!',
        'application/x-www-form-urlencoded',
      ),
      headerValue,
    ),
    { maxKeys: 4 },
  ),
  body,
});

/** A GET to the authorize endpoint that reaches the redirect (or error redirect) with a hostile `redirect_uri`. */
const authorizeRequest = authorizeQuery.map((q) => ({
  method: 'GET',
  origin: 'https://login.microsoftonline.com',
  path: `/${TENANT_ID}/oauth2/v2.0/authorize`,
  query: q,
  headers: {} as Record<string, string>,
  body: '',
}));

/** Asserts an internal failure is a 500 with a JSON `error` and `error_description`. */
async function expectWellFormed(response: Response): Promise<void> {
  expect(response).toBeInstanceOf(Response);
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(600);
  const text = await response.text();
  if (response.status === 500) {
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(typeof json.error).toBe('string');
    expect(typeof json.error_description).toBe('string');
  }
}

let worlds: World[];

beforeAll(async () => {
  worlds = SCENARIOS.map((id, seed) => createWorld(getScenario(id), { seed: seed + 1 }));
  // Some state to reach deeper branches: starting tokens minted, a sign-in in progress.
  for (const world of worlds) await world.startingTokens();
});

describe('world.fetch never throws', () => {
  it('resolves every hostile request (methods, URLs, headers, bodies) to a Response', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SCENARIOS.length - 1 }),
        fc.oneof({ weight: 3, arbitrary: request }, { weight: 1, arbitrary: authorizeRequest }),
        async (which, r) => {
          const world = worlds[which] as World;
          const url = `${r.origin}${r.path}${r.query ? `?${r.query}` : ''}`;
          const hasBody = r.method !== 'GET' && r.method !== 'HEAD';
          const response = await world.fetch(
            new Request(url, {
              method: r.method,
              headers: r.headers,
              ...(hasBody ? { body: r.body } : {}),
            }),
          );
          await expectWellFormed(response);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the network answers any message value (even an unparsable URL) with a response', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SCENARIOS.length - 1 }),
        fc.oneof(
          request.map((r) => `${r.origin}${r.path}`),
          anyText,
          fc.constantFrom('', 'not a url', 'https://', 'https://login.microsoftonline.com:99999/'),
        ),
        fc.oneof(fc.constantFrom('GET', 'POST', 'TRACE'), anyText),
        fc.dictionary(anyText, anyText, { maxKeys: 3 }),
        fc.option(anyText),
        async (which, url, method, headers, text) => {
          const world = worlds[which] as World;
          const message = {
            method,
            url,
            headers,
            ...(text !== null ? { body: text } : {}),
          } as HttpRequest;
          const response = await world.runtime.network.send('property', message, 'property');
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(600);
          expect(typeof response.body).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a party handler that throws becomes a 500 JSON response', async () => {
    const world = createWorld(getScenario('cc-secret'));
    world.runtime.network.register('https://broken.example', 'broken', () => {
      throw new Error('boom');
    });
    const response = await world.fetch(new Request('https://broken.example/x'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      error: 'server_error',
      error_description: expect.stringContaining('boom') as unknown,
    });
  });

  it('a response whose headers cannot travel becomes a 500 JSON response, not a TypeError', async () => {
    const world = createWorld(getScenario('cc-secret'));
    world.runtime.network.register('https://broken.example', 'broken', () =>
      Promise.resolve({
        response: {
          status: 302,
          statusText: 'Found',
          headers: { Location: 'https://x.example/\r\nSet-Cookie: a=1', Other: 'caf\u00e9\u200b' },
          body: '',
        },
      }),
    );
    const response = await world.fetch(new Request('https://broken.example/x'));
    expect(response.status).toBe(500);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toMatchObject({ error: 'server_error' });
  });
});
