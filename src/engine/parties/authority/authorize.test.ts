// Spec tests of the authorize endpoint, the sign-in/consent pages and the code and refresh grants.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP, SECRET, SP, TENANT_ID } from '../../../scenarios/contoso';
import { decodeJwtParts, leftHalfSha256Base64Url, sha256Base64Url } from '../../crypto';
import { createWorld } from '../../index';
import type { World } from '../../index';
import { readPage } from './pages';
import type { AuthorityPage } from './pages';
import { expectAadError, postToken } from './authority.test-helpers';

const AUTHORIZE = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/authorize`;
const REDIRECT = 'https://webapp.contoso.example/signin-oidc';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function authorizeUrl(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_id: APP.webApp,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid profile offline_access api://orders/Orders.Read',
    state: 'st-123',
    nonce: 'n-456',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `${AUTHORIZE}?${q.toString()}`;
}

/** A minimal cookie-keeping browser over `world.fetch`. */
function browserOf(world: World) {
  const jar = new Map<string, string>();
  const send = async (
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ) => {
    const origin = new URL(url).origin;
    const headers: Record<string, string> = {};
    if (jar.has(origin)) headers.Cookie = jar.get(origin) ?? '';
    if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const response = await world.fetch(
      new Request(url, {
        method: init.method ?? 'GET',
        headers,
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      }),
    );
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) jar.set(origin, setCookie.split(';')[0] ?? '');
    const text = await response.text();
    return { response, text, page: readPage(text) };
  };
  return { send };
}

const pageOf = (page: AuthorityPage | undefined, kind: AuthorityPage['page']) => {
  expect(page?.page).toBe(kind);
  return page as AuthorityPage;
};

/** Drives authorize -> sign-in -> (consent accept) and returns the final response. */
async function signInAndConsent(
  world: World,
  url = authorizeUrl({}),
  consent: 'accept' | 'cancel' = 'accept',
) {
  const b = browserOf(world);
  const first = await b.send(url);
  const signIn = pageOf(first.page, 'sign-in');
  if (signIn.page !== 'sign-in') throw new Error('no sign-in');
  let next = await b.send(new URL(signIn.action, url).toString(), {
    method: 'POST',
    form: { flow: signIn.flow, login: 'ada@contoso.onmicrosoft.com' },
  });
  if (next.page?.page === 'consent') {
    next = await b.send(new URL(next.page.action, url).toString(), {
      method: 'POST',
      form: { flow: next.page.flow, consent },
    });
  }
  return { ...next, browser: b };
}

const redeem = (world: World, code: string, extra: Record<string, string | undefined> = {}) =>
  postToken(world, {
    grant_type: 'authorization_code',
    client_id: APP.webApp,
    client_secret: SECRET.webApp,
    code,
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
    scope: 'openid profile offline_access api://orders/Orders.Read',
    ...extra,
  });

const codeFrom = (response: Response) =>
  new URL(response.headers.get('location') ?? 'x:').searchParams.get('code') ?? '';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B known answer', async () => {
    expect(await sha256Base64Url(VERIFIER)).toBe(CHALLENGE);
  });
});

describe('authorize endpoint: error pages, never redirects, for untrusted requests', () => {
  it('unknown client_id: AADSTS700016 page', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await browserOf(world).send(
      authorizeUrl({ client_id: '99999999-9999-4999-8999-999999999999' }),
    );
    expect(r.response.status).toBe(400);
    expect(r.response.headers.get('location')).toBeNull();
    expect(r.text).toContain('AADSTS700016');
  });

  it('unregistered redirect_uri: AADSTS50011 page naming the URI and the app', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await browserOf(world).send(
      authorizeUrl({ redirect_uri: 'https://evil.example/cb' }),
    );
    expect(r.response.status).toBe(400);
    expect(r.response.headers.get('location')).toBeNull();
    expect(r.text).toContain('AADSTS50011');
    expect(r.text).toContain('https://evil.example/cb');
    expect(r.text).toContain(APP.webApp);
  });

  it('relative redirect_uri: AADSTS90102 page', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await browserOf(world).send(authorizeUrl({ redirect_uri: '/signin-oidc' }));
    expect(r.text).toContain('AADSTS90102');
  });
});

describe('authorize endpoint: errors redirected back with error, error_description and state', () => {
  it('id_token without nonce: invalid_request AADSTS900144', async () => {
    const world = createWorld(getScenario('oidc-sign-in'));
    const r = await browserOf(world).send(
      authorizeUrl({ response_type: 'code id_token', nonce: undefined }),
    );
    expect(r.response.status).toBe(302);
    const location = new URL(r.response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    // An ID token was asked for, so the answer (an error too) comes in the fragment, never the query.
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('error')).toBe('invalid_request');
    expect(fragment.get('error_description')).toMatch(/^AADSTS900144: .*'nonce'/);
    expect(fragment.get('state')).toBe('st-123');
  });

  it('id_token when the app did not enable ID tokens: unsupported_response_type AADSTS700054', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const app = world.runtime.scenario.directory.applications.find((a) => a.appId === APP.webApp);
    if (app) app.web.implicitGrantSettings.enableIdTokenIssuance = false;
    const r = await browserOf(world).send(
      authorizeUrl({ response_type: 'code id_token', response_mode: 'query' }),
    );
    const location = new URL(r.response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS700054: /);
  });

  it('prompt=none without a session: login_required AADSTS50058', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await browserOf(world).send(authorizeUrl({ prompt: 'none' }));
    const location = new URL(r.response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS50058: /);
  });

  it('cancelled consent: consent_required AADSTS65004', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await signInAndConsent(world, authorizeUrl({}), 'cancel');
    const location = new URL(r.response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('consent_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(location.searchParams.get('state')).toBe('st-123');
  });

  it('admin-only permission and a non-admin user: AADSTS90094 page, no redirect', async () => {
    const world = createWorld(getScenario('auth-code-pkce'), {
      variants: ['admin-only-permission'],
    });
    const r = await signInAndConsent(world);
    expect(r.response.headers.get('location')).toBeNull();
    expect(r.page?.page).toBe('error');
    expect(r.text).toContain('AADSTS90094');
  });
});

describe('sign-in, consent and the code', () => {
  it('consent records a user grant and redirects with code, state and session_state', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const r = await signInAndConsent(world);
    expect(r.response.status).toBe(302);
    const location = new URL(r.response.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).toMatch(/^1\./);
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('session_state')).toBeTruthy();
    const grant = world.runtime.scenario.directory.oauth2PermissionGrants.find(
      (g) => g.clientId === SP.webApp && g.resourceId === SP.ordersApi,
    );
    expect(grant).toMatchObject({ consentType: 'Principal', scope: 'Orders.Read' });
  });

  it('a second sign-in in the same browser needs neither password nor consent', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const first = await signInAndConsent(world);
    const again = await first.browser.send(authorizeUrl({ state: 'st-2' }));
    expect(again.response.status).toBe(302);
    expect(new URL(again.response.headers.get('location') ?? '').searchParams.get('state')).toBe(
      'st-2',
    );
  });

  it('form_post hybrid: an auto-submitting form with the code and an ID token whose c_hash and nonce match', async () => {
    const world = createWorld(getScenario('oidc-sign-in'));
    const r = await signInAndConsent(
      world,
      authorizeUrl({ response_type: 'code id_token', response_mode: 'form_post' }),
    );
    const post = pageOf(r.page, 'form_post');
    if (post.page !== 'form_post') throw new Error('no form_post');
    expect(post.action).toBe(REDIRECT);
    const claims = decodeJwtParts(post.fields.id_token ?? '')?.payload ?? {};
    expect(claims.nonce).toBe('n-456');
    expect(claims.aud).toBe(APP.webApp);
    expect(claims.c_hash).toBe(await leftHalfSha256Base64Url(post.fields.code ?? ''));
  });
});

describe('authorization_code grant', () => {
  it('redeems once for access, ID and refresh tokens', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = codeFrom((await signInAndConsent(world)).response);
    const response = await redeem(world, code);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toContain('api://orders/Orders.Read');
    expect(decodeJwtParts(body.access_token ?? '')?.payload.scp).toBe('Orders.Read');
    const id = decodeJwtParts(body.id_token ?? '')?.payload ?? {};
    expect(id.nonce).toBe('n-456');
    expect(id).not.toHaveProperty('c_hash');
    expect(body.refresh_token).toMatch(/^1\./);
    await expectAadError(await redeem(world, code), {
      status: 400,
      error: 'invalid_grant',
      code: 54005,
    });
  });

  it('checks the PKCE verifier (AADSTS501481, as the error reference lists it) and requires it when a challenge was sent (AADSTS900144)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = codeFrom((await signInAndConsent(world)).response);
    await expectAadError(await redeem(world, code, { code_verifier: 'x'.repeat(43) }), {
      status: 400,
      error: 'invalid_grant',
      code: 501481,
    });
    await expectAadError(await redeem(world, code, { code_verifier: undefined }), {
      status: 400,
      error: 'invalid_request',
      code: 900144,
    });
  });

  it('requires the same redirect_uri (AADSTS500112) and the client the code was issued to (AADSTS70000)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = codeFrom((await signInAndConsent(world)).response);
    await expectAadError(
      await redeem(world, code, { redirect_uri: 'https://webapp.contoso.example/other' }),
      { status: 401, error: 'invalid_client', code: 500112 },
    );
    const other = await postToken(world, {
      grant_type: 'authorization_code',
      client_id: APP.daemon,
      client_secret: SECRET.daemon,
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    await expectAadError(other, { status: 400, error: 'invalid_grant', code: 70000 });
  });

  it('expires codes after about ten minutes (AADSTS70008) and refuses unknown codes (AADSTS70000)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = codeFrom((await signInAndConsent(world)).response);
    world.advance(601);
    await expectAadError(await redeem(world, code), {
      status: 400,
      error: 'invalid_grant',
      code: 70008,
    });
    await expectAadError(await redeem(world, 'nope'), {
      status: 400,
      error: 'invalid_grant',
      code: 70000,
    });
  });

  it('a confidential client must authenticate (AADSTS7000218)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = codeFrom((await signInAndConsent(world)).response);
    await expectAadError(await redeem(world, code, { client_secret: undefined }), {
      status: 401,
      error: 'invalid_client',
      code: 7000218,
    });
  });
});

describe('refresh_token grant', () => {
  async function refreshTokenOf(world: World): Promise<string> {
    const code = codeFrom((await signInAndConsent(world)).response);
    return (
      ((await (await redeem(world, code)).json()) as Record<string, string>).refresh_token ?? ''
    );
  }
  const refresh = (world: World, token: string, extra: Record<string, string | undefined> = {}) =>
    postToken(world, {
      grant_type: 'refresh_token',
      client_id: APP.webApp,
      client_secret: SECRET.webApp,
      refresh_token: token,
      scope: 'api://orders/Orders.Read offline_access',
      ...extra,
    });

  it('returns a new access token and a new refresh token; the old one still works', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    world.advance(7200);
    const body = (await (await refresh(world, token)).json()) as Record<string, string>;
    expect(decodeJwtParts(body.access_token ?? '')?.payload.scp).toBe('Orders.Read');
    expect(body.refresh_token).not.toBe(token);
    expect((await refresh(world, token)).status).toBe(200);
  });

  it('expires after 90 days without use (AADSTS700082)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    world.advance(91 * 24 * 3600);
    await expectAadError(await refresh(world, token), {
      status: 400,
      error: 'invalid_grant',
      code: 700082,
    });
  });

  it('fails with AADSTS65001 consent_required once the grant is removed', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    const directory = world.runtime.scenario.directory;
    directory.oauth2PermissionGrants = directory.oauth2PermissionGrants.filter(
      (g) => g.clientId !== SP.webApp,
    );
    await expectAadError(await refresh(world, token), {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });

  it("is revoked when the user's sessions were revoked after it was issued (AADSTS50173)", async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    world.advance(60);
    const ada = world.runtime.scenario.directory.users.find((u) =>
      u.userPrincipalName.startsWith('ada'),
    );
    if (ada) ada.signInSessionsValidFromDateTime = world.now();
    await expectAadError(await refresh(world, token), {
      status: 400,
      error: 'invalid_grant',
      code: 50173,
    });
  });

  it('refuses a refresh token from another client (AADSTS70000) and a missing one (AADSTS900144)', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    await expectAadError(
      await postToken(world, {
        grant_type: 'refresh_token',
        client_id: APP.daemon,
        client_secret: SECRET.daemon,
        refresh_token: token,
      }),
      { status: 400, error: 'invalid_grant', code: 70000 },
    );
    await expectAadError(await refresh(world, token, { refresh_token: undefined }), {
      status: 400,
      error: 'invalid_request',
      code: 900144,
    });
  });
});

describe('single- vs multi-tenant registrations', () => {
  const FABRIKAM = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
  function withFabrikam(world: World) {
    const d = world.runtime.scenario.directory;
    d.tenants.push({
      id: FABRIKAM,
      displayName: 'Fabrikam',
      domains: ['fabrikam.onmicrosoft.com'],
    });
    d.users.push({
      id: 'f1f1f1f1-0000-4000-8000-000000000001',
      tenantId: FABRIKAM,
      displayName: 'Fiona Fabrikam',
      userPrincipalName: 'fiona@fabrikam.onmicrosoft.com',
      isAdmin: false,
    });
    return d;
  }
  const fabrikamAuthorize = (params: Record<string, string | undefined> = {}) =>
    authorizeUrl(params).replace(TENANT_ID, FABRIKAM);

  it('a single-tenant app is unknown in another tenant: AADSTS700016 page', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    withFabrikam(world);
    const r = await browserOf(world).send(fabrikamAuthorize());
    expect(r.response.status).toBe(400);
    expect(r.text).toContain('AADSTS700016');
  });

  it('consent in another tenant creates the service principals of a multi-tenant app and its API', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const d = withFabrikam(world);
    for (const app of d.applications)
      if (app.appId === APP.webApp || app.appId === APP.ordersApi)
        app.signInAudience = 'AzureADMultipleOrgs';
    const b = browserOf(world);
    const first = await b.send(fabrikamAuthorize());
    const signIn = first.page;
    if (signIn?.page !== 'sign-in')
      throw new Error(`expected sign-in, got ${first.text.slice(0, 200)}`);
    const consent = await b.send(new URL(signIn.action, AUTHORIZE).toString(), {
      method: 'POST',
      form: { flow: signIn.flow, login: 'fiona@fabrikam.onmicrosoft.com' },
    });
    if (consent.page?.page !== 'consent') throw new Error('expected consent');
    expect(d.servicePrincipals.some((sp) => sp.tenantId === FABRIKAM)).toBe(false);
    const done = await b.send(new URL(consent.page.action, AUTHORIZE).toString(), {
      method: 'POST',
      form: { flow: consent.page.flow, consent: 'accept' },
    });
    expect(
      d.servicePrincipals
        .filter((sp) => sp.tenantId === FABRIKAM)
        .map((sp) => sp.appId)
        .sort(),
    ).toEqual([APP.ordersApi, APP.webApp].sort());
    const code = codeFrom(done.response);
    const token = await postToken(
      world,
      {
        grant_type: 'authorization_code',
        client_id: APP.webApp,
        client_secret: SECRET.webApp,
        code,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
        scope: 'api://orders/Orders.Read',
      },
      {},
      { tenant: FABRIKAM },
    );
    expect(token.status).toBe(200);
    const body = (await token.json()) as Record<string, string>;
    expect(decodeJwtParts(body.access_token ?? '')?.payload.tid).toBe(FABRIKAM);
  });
});

describe('v1 authorize and claims requests', () => {
  it('the v1 endpoint takes resource= instead of scope values', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const url = authorizeUrl({ scope: 'openid', resource: 'api://orders' }).replace(
      '/oauth2/v2.0/authorize',
      '/oauth2/authorize',
    );
    const r = await signInAndConsent(world, url);
    expect(r.response.status).toBe(302);
    expect(new URL(r.response.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
  });

  it('a claims request naming a Conditional Access policy (a relayed challenge) triggers MFA at sign-in', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    world.runtime.scenario.directory.conditionalAccessPolicies.push({
      id: 'pol-123',
      displayName: 'Require MFA for Reports API',
      resourceAppIds: [APP.reportsApi],
      grantControls: ['mfa'],
    });
    const claims = JSON.stringify({
      access_token: { capolids: { essential: true, values: ['pol-123'] } },
    });
    const b = browserOf(world);
    const first = await b.send(authorizeUrl({ claims }));
    if (first.page?.page !== 'sign-in') throw new Error('expected sign-in');
    const next = await b.send(new URL(first.page.action, AUTHORIZE).toString(), {
      method: 'POST',
      form: { flow: first.page.flow, login: 'ada@contoso.onmicrosoft.com' },
    });
    expect(next.page?.page).toBe('mfa');
  });
});

describe('redirect_uri exactness (issue 6): AADSTS50011 page, never a redirect', () => {
  const expect50011Page = (r: { response: Response; text: string }) => {
    expect(r.response.status).toBe(400);
    expect(r.response.headers.get('location')).toBeNull();
    expect(r.response.headers.get('set-cookie')).toBeNull();
    expect(r.text).toContain('AADSTS50011');
  };

  it.each([
    ['a trailing vertical tab (%0B)', `${REDIRECT}\u000b`],
    ['a newline in the path (%0A)', 'https://webapp.contoso.example/si\ngnin-oidc'],
    ['a CRLF header injection after #', `${REDIRECT}#\r\nSet-Cookie: x=1`],
    ['a full-width dot in the host', 'https://webapp\uff0econtoso.example/signin-oidc'],
    ['a zero-width space in the host', 'https://web\u200bapp.contoso.example/signin-oidc'],
    ['userinfo', 'https://user@webapp.contoso.example/signin-oidc'],
    ['a fragment', `${REDIRECT}#x`],
  ])('refuses %s without a session', async (_label, redirectUri) => {
    const world = createWorld(getScenario('auth-code-pkce'));
    expect50011Page(await browserOf(world).send(authorizeUrl({ redirect_uri: redirectUri })));
  });

  it('refuses a hostile redirect_uri with a session too: no code travels anywhere', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const { browser } = await signInAndConsent(world);
    for (const redirectUri of [
      `${REDIRECT}\u000b`,
      'https://webapp.contoso.example/si\ngnin-oidc',
      `${REDIRECT}#\r\nSet-Cookie: x=1`,
    ]) {
      const r = await browser.send(authorizeUrl({ redirect_uri: redirectUri }));
      expect50011Page(r);
      expect(r.text).not.toMatch(/[?&]code=/);
    }
    expect(world.runtime.authorityEnv.codes.size).toBe(1);
  });

  it('a wildcard reply URL does not match another port', async () => {
    const world = createWorld(getScenario('oidc-sign-in'), { variants: ['wildcard-reply-url'] });
    expect50011Page(
      await browserOf(world).send(
        authorizeUrl({ redirect_uri: 'https://evil.contoso.example:1234/signin-oidc' }),
      ),
    );
  });

  it('redirects an exact match to the string that was compared', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const { browser } = await signInAndConsent(world);
    const r = await browser.send(
      authorizeUrl({ redirect_uri: 'https://WEBAPP.contoso.example/signin-oidc' }),
    );
    expect(r.response.status).toBe(302);
    expect(r.response.headers.get('location')).toMatch(
      /^https:\/\/WEBAPP\.contoso\.example\/signin-oidc\?code=/,
    );
  });
});
