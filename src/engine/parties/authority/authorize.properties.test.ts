// Property: any authorize request gets an error page, a sign-in page or a redirect; never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP, TENANT_ID } from '../../../scenarios/contoso';
import { createWorld } from '../../index';

const value = fc.oneof(
  fc.constantFrom(
    '',
    'code',
    'id_token',
    'code id_token',
    'token',
    'query',
    'fragment',
    'form_post',
    'none',
    'login',
    'consent',
    'S256',
    'plain',
    'MD5',
  ),
  fc.constantFrom(
    APP.webApp,
    APP.spa,
    '99999999-9999-4999-8999-999999999999',
    'https://webapp.contoso.example/signin-oidc',
    'https://*.contoso.example/x',
    '/relative',
    'javascript:alert(1)',
  ),
  fc.constantFrom(
    'openid',
    'openid profile offline_access api://orders/Orders.Read',
    'api://nope/x',
    '.default',
    'api://todo-api/.default',
  ),
  fc.string({ maxLength: 40 }),
);
const name = fc.constantFrom(
  'client_id',
  'response_type',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'prompt',
  'response_mode',
  'code_challenge',
  'code_challenge_method',
  'login_hint',
  'claims',
  'junk',
);

describe('authorize endpoint properties', () => {
  it('answers every request with a page (200/400) or a 302, never throwing', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, value), { maxLength: 12 }),
        fc.constantFrom(TENANT_ID, 'contoso.onmicrosoft.com', 'nope', '%zz'),
        fc.constantFrom('v2.0/authorize', 'authorize'),
        async (params, tenant, path) => {
          const q = new URLSearchParams(params);
          const response = await world.fetch(
            new Request(
              `https://login.microsoftonline.com/${tenant}/oauth2/${path}?${q.toString()}`,
            ),
          );
          expect([200, 302, 400]).toContain(response.status);
          if (response.status === 302) {
            const location = new URL(response.headers.get('location') ?? '');
            expect(location.protocol).toBe('https:');
            expect(location.hostname.endsWith('contoso.example')).toBe(true);
          } else {
            expect(response.headers.get('content-type')).toMatch(/^text\/html/);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});

/** Characters that make a URI mean something other than what it looks like. */
const HOSTILE_CHARS = [
  ...Array.from({ length: 0x21 }, (_, c) => String.fromCharCode(c)),
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\uff0e',
  '\uff0f',
  '\uff57',
  '\u0131',
  '@',
  '#',
  '\\',
  ':',
  '%',
  '%0a',
  '%0d%0a',
  '%2e',
  '*',
];

/** A hostile `redirect_uri` built around a registered one: each URI part mutated, then a stray character. */
function hostileRedirectUri(): fc.Arbitrary<string> {
  const parts = fc.record({
    scheme: fc.constantFrom('https://', 'HTTPS://', 'http://', 'https:/', 'https:\\\\', ''),
    userinfo: fc.constantFrom('', '', '', 'user@', '@', 'webapp.contoso.example@', 'a:b@'),
    host: fc.constantFrom(
      'webapp.contoso.example',
      'webapp.contoso.example',
      'WEBAPP.contoso.example',
      'evil.contoso.example',
      'a.b.contoso.example',
      'webapp.contoso.example.',
      'webapp.contoso.example.evil.example',
      'contoso.example',
      '*.contoso.example',
      '\uff57\uff45\uff42app.contoso.example',
      'webapp\uff0econtoso.example',
      'web\u200bapp.contoso.example',
      'xn--webapp-9ta.contoso.example',
      'todo.contoso.example',
      '127.0.0.1',
      'localhost',
    ),
    port: fc.constantFrom('', '', '', ':443', ':1234', ':0443', ':', ':80', ':99999'),
    path: fc.constantFrom(
      '/signin-oidc',
      '/signin-oidc',
      '/SIGNIN-OIDC',
      '/signin-oidc/',
      '/x/../signin-oidc',
      '/%73ignin-oidc',
      '/signin-oidc%00',
      '/signin-oidc/..',
      '',
      '/',
    ),
    query: fc.constantFrom('', '', '?', '?a=1', '?code=forged'),
    fragment: fc.constantFrom('', '', '', '#', '#x', '#\r\nSet-Cookie: x=1'),
  });
  const stray = fc.option(fc.tuple(fc.constantFrom(...HOSTILE_CHARS), fc.nat()), {
    freq: 2,
  });
  return fc.tuple(parts, stray).map(([p, insert]) => {
    const uri = `${p.scheme}${p.userinfo}${p.host}${p.port}${p.path}${p.query}${p.fragment}`;
    if (!insert) return uri;
    const at = insert[1] % (uri.length + 1);
    return uri.slice(0, at) + insert[0] + uri.slice(at);
  });
}

/** Whether `base` (a Location before its `?`/`#`) is the registered reply URL or a host of its wildcard. */
function isRegisteredReplyUrl(base: string, wildcard: boolean): boolean {
  if (!/^[\x21-\x7e]+$/.test(base)) return false;
  const url = new URL(base);
  const originAndPath = `${url.origin}${url.pathname}`;
  // The raw text and the parsed URL must agree (only scheme and host case may differ).
  if (originAndPath !== `${url.origin}${base.slice(base.indexOf('/', 8))}`) return false;
  if (url.username || url.password || url.port) return false;
  return wildcard
    ? /^https:\/\/([a-z0-9-]+\.)+contoso\.example\/signin-oidc$/.test(originAndPath) &&
        url.hostname !== 'contoso.example'
    : originAndPath === 'https://webapp.contoso.example/signin-oidc';
}

describe('authorize endpoint: redirects go only to registered reply URLs', () => {
  it('no Location ever leaves the registered origin and path, with or without a session', async () => {
    const worlds = await Promise.all(
      [
        { id: 'auth-code-pkce' as const, variants: [], wildcard: false },
        { id: 'oidc-sign-in' as const, variants: ['wildcard-reply-url'], wildcard: true },
      ].map(async ({ id, variants, wildcard }) => {
        const world = createWorld(getScenario(id), { variants });
        // Sign Ada in once (password and consent) so later authorize requests issue codes.
        const base = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/authorize`;
        const q = new URLSearchParams({
          client_id: APP.webApp,
          response_type: 'code',
          redirect_uri: 'https://webapp.contoso.example/signin-oidc',
          scope: 'openid profile offline_access api://orders/Orders.Read',
          state: 's',
        });
        const first = await world.fetch(new Request(`${base}?${q.toString()}`));
        const flow = /name="flow" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
        const login = await world.fetch(
          new Request(`https://login.microsoftonline.com/${TENANT_ID}/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ flow, login: 'ada@contoso.onmicrosoft.com' }).toString(),
          }),
        );
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const consent = /name="flow" value="([^"]+)"/.exec(await login.text())?.[1];
        if (consent) {
          await world.fetch(
            new Request(`https://login.microsoftonline.com/${TENANT_ID}/consent`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
              body: new URLSearchParams({ flow: consent, consent: 'accept' }).toString(),
            }),
          );
        }
        return { world, wildcard, cookie, base };
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        hostileRedirectUri(),
        fc.boolean(),
        fc.constantFrom('query', 'fragment', 'form_post'),
        fc.constantFrom('code', 'code id_token', 'token'),
        async (which, redirectUri, withSession, mode, type) => {
          const { world, wildcard, cookie, base } = worlds[which] ?? (worlds[0] as never);
          const q = new URLSearchParams({
            client_id: APP.webApp,
            response_type: type,
            response_mode: mode,
            redirect_uri: redirectUri,
            scope: 'openid profile offline_access api://orders/Orders.Read',
            state: 's',
            nonce: 'n',
          });
          const response = await world.fetch(
            new Request(`${base}?${q.toString()}`, {
              headers: withSession ? { Cookie: cookie } : {},
            }),
          );
          const location = response.headers.get('location');
          if (response.status === 302) {
            const target = location ?? '';
            const cut = target.search(/[?#]/);
            const head = cut < 0 ? target : target.slice(0, cut);
            expect(isRegisteredReplyUrl(head, wildcard), `${redirectUri} -> ${target}`).toBe(true);
          } else {
            expect(location).toBeNull();
          }
          const html = await response.text();
          const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
          if (action && !action.startsWith('/')) {
            const decoded = action.replace(/&amp;/g, '&').replace(/&#39;/g, "'");
            expect(isRegisteredReplyUrl(decoded, wildcard), `${redirectUri} -> ${decoded}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
