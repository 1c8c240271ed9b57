// Spec tests of the admin consent endpoint: request checks, the admin check, the page, what accepting creates, and tokens in the customer's tenant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_CONSENT } from '../../../../scenarios/admin-consent';
import { APP, TENANT_ID } from '../../../../scenarios/contoso';
import {
  FABRIKAM_TENANT_ID,
  MT_APP,
  ORG_CHART_REDIRECT,
  ORG_CHART_SECRET,
} from '../../../../scenarios/fabrikam';
import { createWorld, runScenario } from '../../../index';
import type { ScenarioDefinition, World } from '../../../index';
import { findServicePrincipal } from '../../../directory/directory';
import { readPage } from '../pages';
import type { AuthorityPage } from '../pages';
import { jwtPayload } from '../authority.test-helpers';

const ORIGIN = 'https://login.microsoftonline.com';

function adminConsentUrl(
  params: Record<string, string | undefined>,
  tenant = 'fabrikam.onmicrosoft.com',
  path = 'v2.0/adminconsent',
): string {
  const q = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_id: MT_APP.orgChart,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: ORG_CHART_REDIRECT,
    state: 'st-42',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `${ORIGIN}/${tenant}/${path}?${q.toString()}`;
}

/** A cookie-keeping browser over `world.fetch` that does not follow redirects. */
function browserOf(world: World) {
  const jar = new Map<string, string>();
  return async (url: string, form?: Record<string, string>) => {
    const origin = new URL(url).origin;
    const headers: Record<string, string> = {};
    if (jar.has(origin)) headers.Cookie = jar.get(origin) ?? '';
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const response = await world.fetch(
      new Request(url, {
        method: form ? 'POST' : 'GET',
        headers,
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      }),
    );
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) jar.set(origin, setCookie.split(';')[0] ?? '');
    const text = await response.text();
    return { response, text, page: readPage(text) };
  };
}

function expectPage<K extends AuthorityPage['page']>(
  page: AuthorityPage | undefined,
  kind: K,
): Extract<AuthorityPage, { page: K }> {
  expect(page?.page).toBe(kind);
  return page as Extract<AuthorityPage, { page: K }>;
}

/** Opens the admin consent URL, signs in as `login`, and returns the world, browser and last answer. */
async function signIn(login: string, url = adminConsentUrl({}), variants: string[] = []) {
  const world = createWorld(ADMIN_CONSENT, { variants });
  const send = browserOf(world);
  const first = await send(url);
  const signInPage = expectPage(first.page, 'sign-in');
  const answer = await send(new URL(signInPage.action, ORIGIN).toString(), {
    flow: signInPage.flow,
    login,
  });
  return { world, send, answer };
}

const FATIMA = 'fatima@fabrikam.onmicrosoft.com';

describe('admin consent endpoint: request checks', () => {
  it('sends a v2.0 request without scope back to the app (AADSTS900144, after the reply URL is trusted)', async () => {
    const world = createWorld(ADMIN_CONSENT);
    const { response } = await browserOf(world)(adminConsentUrl({ scope: undefined }));
    expect(response.status).toBe(302);
    const params = new URL(response.headers.get('location') ?? '').searchParams;
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toMatch(/^AADSTS900144: /);
    expect(params.get('state')).toBe('st-42');
  });

  it('sends an unknown resource in scope back to the app (AADSTS70011)', async () => {
    const world = createWorld(ADMIN_CONSENT);
    const { response } = await browserOf(world)(
      adminConsentUrl({ scope: 'api://nobody/.default' }),
    );
    const params = new URL(response.headers.get('location') ?? '').searchParams;
    expect(params.get('error_description')).toMatch(/^AADSTS70011: /);
  });

  it('never redirects to an unregistered redirect_uri (AADSTS50011 page)', async () => {
    const world = createWorld(ADMIN_CONSENT);
    const { response, page } = await browserOf(world)(
      adminConsentUrl({ redirect_uri: 'https://evil.example/permissions' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(expectPage(page, 'error').code).toBe(50011);
  });

  it('does not know a single-tenant app in another tenant (AADSTS700016)', async () => {
    const world = createWorld(ADMIN_CONSENT, { variants: ['single-tenant'] });
    const { page } = await browserOf(world)(adminConsentUrl({}));
    const error = expectPage(page, 'error');
    expect(error.code).toBe(700016);
    expect(error.message).toContain(MT_APP.orgChart);
  });

  it('accepts a multi-tenant app that has no service principal in the tenant yet', async () => {
    const world = createWorld(ADMIN_CONSENT);
    expect(
      findServicePrincipal(world.runtime.scenario.directory, FABRIKAM_TENANT_ID, MT_APP.orgChart),
    ).toBeUndefined();
    const { page } = await browserOf(world)(adminConsentUrl({}));
    expectPage(page, 'sign-in');
  });
});

describe('admin consent endpoint: the admin decides', () => {
  it('shows "Need admin approval" to a non-admin (AADSTS90094) and never redirects', async () => {
    const { answer } = await signIn('omar@fabrikam.onmicrosoft.com');
    expect(answer.response.headers.get('location')).toBeNull();
    const error = expectPage(answer.page, 'error');
    expect(error.code).toBe(90094);
    expect(error.message).toContain('Microsoft Graph: User.Read.All');
  });

  it("a non-admin's session posting Accept to an admin's pending page grants nothing (AADSTS90094)", async () => {
    const { world, answer } = await signIn(FATIMA);
    const consent = expectPage(answer.page, 'consent');
    // Omar signs in from his own browser (and is stopped), then posts Fatima's page's answer.
    const omar = browserOf(world);
    const start = expectPage((await omar(adminConsentUrl({}))).page, 'sign-in');
    await omar(new URL(start.action, ORIGIN).toString(), {
      flow: start.flow,
      login: 'omar@fabrikam.onmicrosoft.com',
    });
    const forged = await omar(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    expect(forged.response.headers.get('location')).toBeNull();
    expect(expectPage(forged.page, 'error').code).toBe(90094);
    expect(
      findServicePrincipal(world.runtime.scenario.directory, FABRIKAM_TENANT_ID, MT_APP.orgChart),
    ).toBeUndefined();
  });

  it('lists the application permission on the admin consent page', async () => {
    const { answer } = await signIn(FATIMA);
    const consent = expectPage(answer.page, 'consent');
    expect(consent.adminConsent).toBe(true);
    expect(consent.canConsentForOrganization).toBe(false);
    expect(consent.items).toEqual([
      expect.objectContaining({
        clientAppId: MT_APP.orgChart,
        resourceAppId: APP.graph,
        scope: 'User.Read.All',
        type: 'Role',
        adminOnly: true,
      }),
    ]);
  });

  it('accept: redirects with admin_consent=True, the tenant GUID, scope and state, and provisions the tenant', async () => {
    const { world, send, answer } = await signIn(FATIMA);
    const consent = expectPage(answer.page, 'consent');
    const done = await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    expect(done.response.status).toBe(302);
    const location = new URL(done.response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(ORG_CHART_REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      admin_consent: 'True',
      tenant: FABRIKAM_TENANT_ID,
      scope: 'https://graph.microsoft.com/.default',
      state: 'st-42',
    });
    const directory = world.runtime.scenario.directory;
    const sp = findServicePrincipal(directory, FABRIKAM_TENANT_ID, MT_APP.orgChart);
    expect(sp).toBeDefined();
    expect(directory.appRoleAssignments).toContainEqual(
      expect.objectContaining({ principalId: sp?.id, principalType: 'ServicePrincipal' }),
    );
  });

  it('cancel: redirects with error=consent_required (AADSTS65004) and admin_consent=True, creating nothing', async () => {
    const { world, send, answer } = await signIn(FATIMA);
    const consent = expectPage(answer.page, 'consent');
    const done = await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'cancel',
    });
    const location = new URL(done.response.headers.get('location') ?? '');
    expect(location.searchParams.get('admin_consent')).toBe('True');
    expect(location.searchParams.get('error')).toBe('consent_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(location.searchParams.get('state')).toBe('st-42');
    expect(
      findServicePrincipal(world.runtime.scenario.directory, FABRIKAM_TENANT_ID, MT_APP.orgChart),
    ).toBeUndefined();
  });

  it("through /organizations the admin's own tenant is the one consented and returned", async () => {
    const { send, answer } = await signIn(FATIMA, adminConsentUrl({}, 'organizations'));
    const consent = expectPage(answer.page, 'consent');
    expect(consent.action).toBe(`/${FABRIKAM_TENANT_ID}/consent`);
    const done = await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    const params = new URL(done.response.headers.get('location') ?? '').searchParams;
    expect(params.get('tenant')).toBe(FABRIKAM_TENANT_ID);
  });

  it('v1.0 /adminconsent takes no scope and answers without one', async () => {
    const url = adminConsentUrl({ scope: undefined }, 'fabrikam.onmicrosoft.com', 'adminconsent');
    const { send, answer } = await signIn(FATIMA, url);
    const consent = expectPage(answer.page, 'consent');
    expect(consent.items.map((i) => i.scope)).toEqual(['User.Read.All']);
    const done = await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    const params = new URL(done.response.headers.get('location') ?? '').searchParams;
    expect(params.get('admin_consent')).toBe('True');
    expect(params.has('scope')).toBe(false);
  });

  it('knownClientApplications: the middle tier and its downstream permission are provisioned too', async () => {
    const { world, send, answer } = await signIn(FATIMA, adminConsentUrl({}), ['with-middle-tier']);
    const consent = expectPage(answer.page, 'consent');
    expect(consent.items.map((i) => [i.clientName, i.resourceName, i.scope, i.via])).toEqual([
      ['Contoso Org Chart', 'Microsoft Graph', 'User.Read.All', 'client'],
      ['Contoso Org Chart', 'Contoso Org Chart API', 'OrgChart.Read', 'client'],
      ['Contoso Org Chart API', 'Microsoft Graph', 'User.Read', 'known-client'],
    ]);
    await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    const directory = world.runtime.scenario.directory;
    const middleTier = findServicePrincipal(directory, FABRIKAM_TENANT_ID, MT_APP.orgChartApi);
    expect(middleTier).toBeDefined();
    expect(directory.oauth2PermissionGrants).toContainEqual(
      expect.objectContaining({
        clientId: middleTier?.id,
        consentType: 'AllPrincipals',
        scope: 'User.Read',
      }),
    );
  });
});

describe("client credentials in the customer's tenant", () => {
  const ccRequest = (tenant: string) =>
    new Request(`${ORIGIN}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: MT_APP.orgChart,
        scope: 'https://graph.microsoft.com/.default',
        client_secret: ORG_CHART_SECRET,
        grant_type: 'client_credentials',
      }).toString(),
    });

  it('fails before admin consent (AADSTS700016: no service principal in Fabrikam)', async () => {
    const world = createWorld(ADMIN_CONSENT);
    const response = await world.fetch(ccRequest(FABRIKAM_TENANT_ID));
    const body = (await response.json()) as { error_codes: number[] };
    expect(response.status).toBe(400);
    expect(body.error_codes).toEqual([700016]);
  });

  it("after admin consent, issues a token with Fabrikam's tid and iss and the granted role", async () => {
    const { world, send, answer } = await signIn(FATIMA);
    const consent = expectPage(answer.page, 'consent');
    await send(new URL(consent.action, ORIGIN).toString(), {
      flow: consent.flow,
      consent: 'accept',
    });
    const response = await world.fetch(ccRequest(FABRIKAM_TENANT_ID));
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const claims = jwtPayload(access_token);
    expect(claims.tid).toBe(FABRIKAM_TENANT_ID);
    expect(claims.iss).toBe(`https://sts.windows.net/${FABRIKAM_TENANT_ID}/`);
    expect(claims.roles).toEqual(['User.Read.All']);
    expect(claims.tid).not.toBe(TENANT_ID);
  });
});

describe('a multi-tenant API validates the issuer of the token’s own tenant', () => {
  it('Graph (anyTenant) accepts Fabrikam’s issuer; an API bound to its home tenant refuses it', async () => {
    const base = ADMIN_CONSENT;
    const accepted = await runScenario(base, { decisions: 'script' });
    expect(accepted.result.ok).toBe(true);
    const homeOnly: ScenarioDefinition = {
      ...structuredClone({ ...base, variants: [] }),
      variants: base.variants,
    };
    for (const party of homeOnly.parties)
      if (party.kind === 'api') party.validation.anyTenant = false;
    const refused = await runScenario(homeOnly, { decisions: 'script' });
    const checks = refused.steps.flatMap((s) => s.events).find((e) => e.type === 'api.checks');
    expect(checks).toMatchObject({ failed: { check: 'issuer' } });
  });
});

describe('admin consent endpoint: any query', () => {
  it('always answers, and redirects only to the registered redirect URI', async () => {
    const world = createWorld(ADMIN_CONSENT);
    const send = browserOf(world);
    const value = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(MT_APP.orgChart, ORG_CHART_REDIRECT, 'https://graph.microsoft.com/.default'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ client_id: value, scope: value, redirect_uri: value, state: value }),
        fc.constantFrom('fabrikam.onmicrosoft.com', 'organizations', 'common', 'nope', ''),
        fc.constantFrom('v2.0/adminconsent', 'adminconsent'),
        async (params, tenant, path) => {
          const { response } = await send(adminConsentUrl(params, tenant, path));
          expect([200, 302, 400, 404]).toContain(response.status);
          const location = response.headers.get('location');
          if (location) expect(location.startsWith(`${ORG_CHART_REDIRECT}?`)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 10 },
    );
  });
});
