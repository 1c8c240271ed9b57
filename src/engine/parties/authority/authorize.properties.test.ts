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
