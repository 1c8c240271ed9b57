// Spec tests for protocol facts where the platform's docs differ from what the simulator used to do (issue 6, section 3).
import { describe, expect, it } from 'vitest';
import { getScenario, SCENARIOS } from '../scenarios/index';
import { APP, SECRET, TENANT_ID, USER } from '../scenarios/contoso';
import { decodeJwtParts } from './crypto';
import { explainClaim } from './simulation/claims-glossary';
import { applyVariants } from './simulation/variants';
import { createWorld, runScenario } from './index';
import type { World } from './index';
import { readPage } from './parties/authority/pages';
import {
  expectAadError,
  JWT_BEARER_GRANT,
  postToken,
} from './parties/authority/authority.test-helpers';

async function tokenA(world: World): Promise<string> {
  const { tokenA: token } = await world.startingTokens();
  if (!token) throw new Error('The scenario has no token A.');
  return token;
}

const claimsOf = (jwt: unknown): Record<string, unknown> =>
  decodeJwtParts(String(jwt))?.payload ?? {};

describe('v1 OBO with scope=openid returns an id_token (v1 OBO doc: response table and example)', () => {
  const v1Request = (assertion: string, scope?: string) => ({
    grant_type: JWT_BEARER_GRANT,
    client_id: APP.todoApi,
    client_secret: SECRET.todoApi,
    assertion,
    requested_token_use: 'on_behalf_of',
    resource: 'api://reports-api',
    scope,
  });

  it('returns a v1.0 ID token about the user for the middle tier', async () => {
    const world = createWorld(getScenario('obo-v1'));
    const response = await postToken(
      world,
      v1Request(await tokenA(world), 'openid'),
      {},
      {
        endpoint: 'v1',
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body.id_token).toBe('string');
    const id = claimsOf(body.id_token);
    expect(id.aud).toBe(APP.todoApi);
    expect(id.iss).toBe(`https://sts.windows.net/${TENANT_ID}/`);
    expect(id.ver).toBe('1.0');
    expect(id.oid).toBe(USER.ada);
    expect(id.tid).toBe(TENANT_ID);
    expect(id.upn).toBe('ada@contoso.onmicrosoft.com');
    expect(id).not.toHaveProperty('nonce');
  });

  it('returns none without openid, and none on the v2.0 endpoint', async () => {
    const world = createWorld(getScenario('obo-v1'));
    const withoutOpenid = await postToken(
      world,
      v1Request(await tokenA(world)),
      {},
      {
        endpoint: 'v1',
      },
    );
    expect(withoutOpenid.status).toBe(200);
    expect(await withoutOpenid.json()).not.toHaveProperty('id_token');
    const v2 = createWorld(getScenario('obo-secret'));
    const response = await postToken(v2, {
      grant_type: JWT_BEARER_GRANT,
      client_id: APP.todoApi,
      client_secret: SECRET.todoApi,
      assertion: await tokenA(v2),
      requested_token_use: 'on_behalf_of',
      scope: 'api://reports-api/Reports.Read openid offline_access',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).not.toHaveProperty('id_token');
  });
});

describe('claim glossary (access-token and ID-token claims references)', () => {
  it('says idtyp is an optional claim', () => {
    expect(explainClaim('idtyp', 'access_token')).toMatch(/optional claim/i);
  });

  it("says an app-only oid is a GUID: the service principal's object id", () => {
    const text = explainClaim('oid', 'access_token');
    expect(text).toMatch(/GUID/);
    expect(text).toMatch(/service principal's object id/);
  });

  it('says tid is the tenant the user signs in to', () => {
    expect(explainClaim('tid', 'access_token')).toMatch(/tenant the user signs in to/);
  });

  it('says ver follows the resource for access tokens and the endpoint for ID tokens', () => {
    const text = explainClaim('ver', 'access_token');
    expect(text).toMatch(/access tokens?[^.]*resource/i);
    expect(text).toMatch(/ID tokens?[^.]*endpoint/i);
  });

  it('says acr "0" means the authentication did not meet ISO/IEC 29115', () => {
    const text = explainClaim('acr', 'access_token');
    expect(text).toMatch(/"0"[^.]*did not meet[^.]*ISO\/IEC 29115/);
    expect(text).not.toMatch(/'1' means the user authenticated/);
  });
});

describe('narration says plainly where the seed docs are wrong', () => {
  const text = (id: Parameters<typeof getScenario>[0], tag: string) =>
    getScenario(id).narration[tag]?.response?.text ?? '';

  it.each(['cc-secret', 'cc-certificate', 'cc-basic'] as const)(
    '%s: client credentials never returns a refresh token (the daemon doc says it does)',
    (id) => {
      const said = text(id, 'get-token');
      expect(said).toMatch(/never returns a refresh token/);
      expect(said).toMatch(/daemon doc/);
    },
  );

  it.each([
    ['auth-code-pkce', 'redeem-code'],
    ['refresh-token', 'refresh'],
    ['obo-secret', 'obo'],
  ] as const)('%s: a refresh token is opaque to clients, not a JWT (%s)', (id, tag) => {
    const said = text(id, tag);
    expect(said).toMatch(/refresh token is opaque/i);
    expect(said).toMatch(/not a JWT/);
  });
});

describe("roles and OBO: the user's app roles, never the middle tier's application permissions", () => {
  it("token B carries Ada's app role on the Reports API, and not the Todo API's application permission", async () => {
    const run = await runScenario(getScenario('obo-secret'), { variants: ['user-has-app-role'] });
    expect(run.result.ok).toBe(true);
    const directory = applyVariants(getScenario('obo-secret'), ['user-has-app-role']).directory;
    // The middle tier holds an application permission on API B...
    const reports = directory.applications.find((a) => a.appId === APP.reportsApi);
    const appPermission = reports?.appRoles.find((r) =>
      r.allowedMemberTypes.includes('Application'),
    );
    expect(appPermission?.value).toBe('Reports.Read.All');
    expect(
      directory.appRoleAssignments.some(
        (a) => a.principalType === 'ServicePrincipal' && a.appRoleId === appPermission?.id,
      ),
    ).toBe(true);
    // ...and Ada is assigned an app role on API B.
    expect(
      directory.appRoleAssignments.some(
        (a) => a.principalType === 'User' && a.principalId === USER.ada,
      ),
    ).toBe(true);
    const oboResponse = run.steps.find((s) => s.tag === 'obo' && s.kind === 'response');
    const tokenB = (JSON.parse(oboResponse?.response?.body ?? '{}') as { access_token: string })
      .access_token;
    const b = claimsOf(tokenB);
    expect(b.scp).toBe('Reports.Read');
    expect(b.roles).toEqual(['Reports.Approver']);
    expect(JSON.stringify(b)).not.toContain('Reports.Read.All');
  });

  it("a delegated token carries the user's app-role assignments on the resource as roles", async () => {
    const world = createWorld(getScenario('obo-secret'), { variants: ['user-has-app-role'] });
    const response = await postToken(world, {
      grant_type: JWT_BEARER_GRANT,
      client_id: APP.todoApi,
      client_secret: SECRET.todoApi,
      assertion: await tokenA(world),
      requested_token_use: 'on_behalf_of',
      scope: 'api://reports-api/.default',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string };
    expect(claimsOf(body.access_token).roles).toEqual(['Reports.Approver']);
    // Token A (for the Todo API, where Ada has no assignment) carries none.
    expect(claimsOf(await tokenA(world))).not.toHaveProperty('roles');
  });

  it("no narration says OBO never carries the user's app roles", () => {
    for (const scenario of SCENARIOS) {
      for (const narration of Object.values(scenario.narration)) {
        for (const part of [narration.request, narration.response, narration.error]) {
          expect(part?.text ?? '', scenario.id).not.toMatch(/never the user's (app )?roles/);
        }
      }
    }
  });
});

describe('APIs validate v1 tokens with the v1 metadata; Graph tokens are not for them to validate (access-tokens doc)', () => {
  it('an API taking v1.0 tokens fetches the keys the v1 metadata lists; an API taking v2.0 tokens, the v2 ones', async () => {
    const run = await runScenario(getScenario('obo-v1'));
    const keyFetches = (party: string) =>
      run.steps
        .filter((s) => s.kind === 'request' && s.from === party && s.request.method === 'GET')
        .filter((s) => s.request.url.startsWith('https://login.microsoftonline.com/'))
        .map((s) => s.request.url);
    const base = `https://login.microsoftonline.com/${TENANT_ID}`;
    // The Reports API leaves requestedAccessTokenVersion null: v1.0 tokens, v1.0 metadata.
    expect(keyFetches('api-b')).toEqual([`${base}/discovery/keys`]);
    // The Todo API asks for v2.0 tokens: v2.0 metadata.
    expect(keyFetches('api-a')).toEqual([`${base}/discovery/v2.0/keys`]);
    const world = createWorld(getScenario('obo-v1'));
    const v1 = (await (
      await world.fetch(new Request(`${base}/.well-known/openid-configuration`))
    ).json()) as { jwks_uri: string; issuer: string };
    const v2 = (await (
      await world.fetch(new Request(`${base}/v2.0/.well-known/openid-configuration`))
    ).json()) as { jwks_uri: string };
    expect(v1.jwks_uri).toBe(`${base}/discovery/keys`);
    expect(v1.issuer).toBe(`https://sts.windows.net/${TENANT_ID}/`);
    expect(v2.jwks_uri).toBe(`${base}/discovery/v2.0/keys`);
  });

  it('the Microsoft Graph token of token-for-graph is "not for you to validate", not signature-verified', async () => {
    const run = await runScenario(getScenario('obo-secret'), { variants: ['token-for-graph'] });
    const graphToken = run.startingFacts[0]?.token ?? '';
    expect(claimsOf(graphToken).aud).toBe('https://graph.microsoft.com');
    const inspection = run.tokens[graphToken];
    expect(inspection?.signature.status).toBe('not-for-you');
    expect(inspection?.signature.detail).toMatch(/not for you to validate/i);
    expect(inspection?.signature.detail).toMatch(/third part/i);
    const validated = run.steps
      .flatMap((s) => s.events)
      .find((e) => e.type === 'token.validated' && e.party === 'api-a');
    expect(validated?.type === 'token.validated' ? validated.detail : '').not.toMatch(
      /Signature verified/,
    );
    expect(validated?.type === 'token.validated' ? validated.detail : '').toMatch(
      /Microsoft Graph token/,
    );
    // Tokens for the simulator's own APIs stay signature-verified.
    const base = await runScenario(getScenario('obo-secret'));
    expect(base.tokens[base.startingFacts[0]?.token ?? '']?.signature.status).toBe('valid');
  });
});

describe('/common and /organizations (multi-tenant endpoints)', () => {
  const ORIGIN = 'https://login.microsoftonline.com';

  it.each(['common', 'organizations'])(
    'client credentials on /%s: AADSTS50059, no tenant-identifying information (not "tenant not found")',
    async (segment) => {
      const world = createWorld(getScenario('cc-secret'));
      for (const endpoint of ['v2', 'v1'] as const) {
        const response = await postToken(
          world,
          {
            grant_type: 'client_credentials',
            client_id: APP.daemon,
            client_secret: SECRET.daemon,
            ...(endpoint === 'v2'
              ? { scope: 'api://orders/.default' }
              : { resource: 'api://orders' }),
          },
          {},
          { tenant: segment, endpoint },
        );
        await expectAadError(response, { status: 400, error: 'invalid_request', code: 50059 });
      }
    },
  );

  /** Authorize -> sign-in -> consent through `/{segment}`, as a cookie-keeping browser would. */
  async function signInThrough(world: World, segment: string) {
    let cookie = '';
    const send = async (url: string, form?: Record<string, string>) => {
      const response = await world.fetch(
        new Request(url, {
          method: form ? 'POST' : 'GET',
          headers: {
            ...(cookie ? { Cookie: cookie } : {}),
            ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(form ? { body: new URLSearchParams(form).toString() } : {}),
        }),
      );
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? '';
      const text = await response.text();
      return { response, text, page: readPage(text) };
    };
    const q = new URLSearchParams({
      client_id: APP.webApp,
      response_type: 'code',
      redirect_uri: 'https://webapp.contoso.example/signin-oidc',
      scope: 'openid profile offline_access api://orders/Orders.Read',
      state: 'st-1',
      nonce: 'n-1',
    });
    const first = await send(`${ORIGIN}/${segment}/oauth2/v2.0/authorize?${q.toString()}`);
    if (first.page?.page !== 'sign-in') return first;
    let next = await send(new URL(first.page.action, ORIGIN).toString(), {
      flow: first.page.flow,
      login: 'ada@contoso.onmicrosoft.com',
    });
    if (next.page?.page === 'consent') {
      next = await send(new URL(next.page.action, ORIGIN).toString(), {
        flow: next.page.flow,
        consent: 'accept',
      });
    }
    return next;
  }

  it('a work account signs in through /organizations: code redeemed there, tokens issued by her tenant', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const webApp = world.runtime.scenario.directory.applications.find(
      (a) => a.appId === APP.webApp,
    );
    if (!webApp) throw new Error('web app missing');
    webApp.signInAudience = 'AzureADMultipleOrgs';
    const done = await signInThrough(world, 'organizations');
    const location = new URL(done.response.headers.get('location') ?? 'x:');
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const response = await postToken(
      world,
      {
        grant_type: 'authorization_code',
        client_id: APP.webApp,
        client_secret: SECRET.webApp,
        code,
        redirect_uri: 'https://webapp.contoso.example/signin-oidc',
        scope: 'openid profile offline_access api://orders/Orders.Read',
      },
      {},
      { tenant: 'organizations' },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const id = claimsOf(body.id_token);
    expect(id.iss).toBe(`${ORIGIN}/${TENANT_ID}/v2.0`);
    expect(id.tid).toBe(TENANT_ID);
    expect(id.nonce).toBe('n-1');
    expect(claimsOf(body.access_token).tid).toBe(TENANT_ID);
  });

  it('a single-tenant app through /organizations: AADSTS50194 page, never a redirect', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const done = await signInThrough(world, 'organizations');
    expect(done.response.headers.get('location')).toBeNull();
    expect(done.text).toContain('AADSTS50194');
  });
});
