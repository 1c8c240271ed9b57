// The WWW-Authenticate challenges of the protected APIs, as the claims-challenge doc describes them.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../simulation/world';
import { getScenario } from '../../../scenarios/index';
import { TENANT_ID } from '../../../scenarios/contoso';

/** The auth-params of a `Bearer` challenge (RFC 7235 section 2.1), each at most once. */
function challengeParams(header: string | null): Record<string, string> {
  expect(header?.startsWith('Bearer ')).toBe(true);
  const params: Record<string, string> = {};
  for (const [, name = '', value = ''] of (header ?? '').matchAll(/(\w+)="([^"]*)"/g)) {
    expect(params, `${name} repeated`).not.toHaveProperty(name);
    params[name] = value;
  }
  return params;
}

const TENANT_AUTHORIZE = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/authorize`;

describe('claims challenge header (claims-challenge doc: realm and authorization_uri)', () => {
  it('a relayed MFA challenge names the tenant in realm and a tenant-specific authorization_uri', async () => {
    const world = createWorld(getScenario('obo-secret'), { variants: ['downstream-requires-mfa'] });
    const { tokenA } = await world.startingTokens();
    const response = await world.fetch(
      new Request('https://todo-api.contoso.example/me/todos', {
        headers: { Authorization: `Bearer ${tokenA ?? ''}` },
      }),
    );
    expect(response.status).toBe(401);
    const params = challengeParams(response.headers.get('www-authenticate'));
    expect(params.realm).toBe(TENANT_ID);
    expect(params.authorization_uri).toBe(TENANT_AUTHORIZE);
    expect(params.error).toBe('insufficient_claims');
    expect(params.claims).toBeTruthy();
  });

  it('an invalid or missing token gets the same realm and authorization_uri', async () => {
    const world = createWorld(getScenario('obo-secret'));
    for (const headers of [{}, { Authorization: 'Bearer not-a-jwt' }] as Record<string, string>[]) {
      const response = await world.fetch(
        new Request('https://todo-api.contoso.example/me/todos', { headers }),
      );
      expect(response.status).toBe(401);
      const params = challengeParams(response.headers.get('www-authenticate'));
      expect(params.realm).toBe(TENANT_ID);
      expect(params.authorization_uri).toBe(TENANT_AUTHORIZE);
    }
  });
});
