// The authorize table is what the endpoint runs: one broken rule stops at its row, two stop at the earlier one.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../../scenarios/index';
import { APP, TENANT_ID } from '../../../../scenarios/contoso';
import { createWorld, runScenario } from '../../../index';
import type { CheckName } from '../../../model/checks';
import { expectStoppedAt, lastChecksEvent } from '../authority.test-helpers';
import { AUTHORIZE_CHECKS, authorizeCheck } from './index';

const REDIRECT = 'https://webapp.contoso.example/signin-oidc';
const names = AUTHORIZE_CHECKS.map((c) => c.name);
const before = (check: CheckName) => names.slice(0, names.indexOf(check));

/** One broken rule of the authorize request: query overrides and/or another tenant segment. */
interface Break {
  params?: Record<string, string | undefined>;
  tenant?: string;
}

const BREAKS: Record<string, Break & { check: CheckName; code: number }> = {
  tenant: { check: 'tenant-exists', code: 90002, tenant: 'nowhere.example' },
  clientId: { check: 'client-id-present', code: 900144, params: { client_id: undefined } },
  client: {
    check: 'client-registered',
    code: 700016,
    params: { client_id: '00000000-0000-4000-8000-000000000000' },
  },
  redirect: {
    check: 'redirect-uri-registered',
    code: 50011,
    params: { redirect_uri: 'https://evil.example/cb' },
  },
  responseType: {
    check: 'response-type-allowed',
    code: 9002313,
    params: { response_type: 'none' },
  },
  nonce: {
    check: 'nonce-present',
    code: 900144,
    params: { response_type: 'code id_token', nonce: undefined },
  },
  scope: { check: 'scopes-known', code: 70011, params: { scope: 'openid api://nowhere/Read' } },
  pkce: {
    check: 'pkce-challenge-valid',
    code: 9002313,
    params: { code_challenge_method: 'S512' },
  },
};

function authorizeUrl(broken: Break[] = []): string {
  const tenant = broken.find((b) => b.tenant)?.tenant ?? TENANT_ID;
  const all: Record<string, string | undefined> = {
    client_id: APP.webApp,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid profile api://orders/Orders.Read',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  };
  for (const b of broken) Object.assign(all, b.params);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize?${q.toString()}`;
}

async function authorize(broken: Break[]) {
  const world = createWorld(getScenario('oidc-sign-in'));
  const response = await world.fetch(new Request(authorizeUrl(broken), { redirect: 'manual' }));
  return { world, response, event: lastChecksEvent(world) };
}

describe('AUTHORIZE_CHECKS is the order the authorize endpoint runs', () => {
  it('lists the request rows, then the interaction rows, each with a rule and a source', () => {
    expect(names).toEqual([
      'tenant-exists',
      'client-id-present',
      'client-registered',
      'redirect-uri-registered',
      'response-type-allowed',
      'nonce-present',
      'scopes-known',
      'pkce-challenge-valid',
      'user-signed-in',
      'mfa-satisfied',
      'consent-granted',
    ]);
    expect(AUTHORIZE_CHECKS.map((c) => c.phase)).toEqual([
      ...Array<string>(8).fill('request'),
      ...Array<string>(3).fill('resume'),
    ]);
    for (const check of AUTHORIZE_CHECKS) {
      expect(check.rule.length, check.name).toBeGreaterThan(20);
      expect(check.source.url, check.name).toMatch(/^https:\/\//);
    }
  });

  it('a valid request passes every request row in table order, then asks the user to sign in', async () => {
    const { response, event } = await authorize([]);
    expect(response.status).toBe(200);
    expect(event).toEqual({
      type: 'authority.checks',
      endpoint: 'authorize v2.0',
      passed: before('user-signed-in'),
    });
  });

  it.each(Object.entries(BREAKS))('one broken rule (%s) stops at its row', async (_, broken) => {
    const { world, event } = await authorize([broken]);
    expect(expectStoppedAt(world, broken.check, broken.code)).toEqual(before(broken.check));
    expect(event?.failed?.rule).toBe(authorizeCheck(broken.check).rule);
    expect(event?.failed?.source).toEqual(authorizeCheck(broken.check).source);
  });

  it.each([
    ['tenant', 'clientId'],
    ['clientId', 'redirect'],
    ['client', 'scope'],
    ['redirect', 'responseType'],
    ['responseType', 'nonce'],
    ['nonce', 'scope'],
    ['scope', 'pkce'],
  ] as const)('%s and %s broken together: the earlier row answers', async (first, second) => {
    const earlier = BREAKS[first];
    const later = BREAKS[second];
    if (!earlier || !later) throw new Error('unknown break');
    const { world } = await authorize([later, earlier]);
    expectStoppedAt(world, earlier.check, earlier.code);
  });

  it('a failure before the reply URL is validated is a page; after it, a redirect with state', async () => {
    const page = await authorize([BREAKS.redirect ?? {}, BREAKS.responseType ?? {}]);
    expect(page.response.status).toBe(400);
    expect(page.response.headers.get('location')).toBeNull();
    const redirect = await authorize([BREAKS.responseType ?? {}]);
    expect(redirect.response.status).toBe(302);
    const location = new URL(redirect.response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('after sign-in the answers resume the table after user-signed-in', async () => {
    const run = await runScenario(getScenario('oidc-sign-in'), { seed: 1, decisions: 'script' });
    const afterSignIn = run.steps
      .flatMap((s) => s.events)
      .find((e) => e.type === 'authority.checks' && e.endpoint === 'sign-in');
    expect(afterSignIn).toEqual({
      type: 'authority.checks',
      endpoint: 'sign-in',
      passed: names.slice(names.indexOf('user-signed-in')),
    });
  });
});
