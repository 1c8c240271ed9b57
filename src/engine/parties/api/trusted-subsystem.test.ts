// Spec tests of the web API doc's two identity types: application identity (trusted subsystem,
// the user only in an unsigned header) and delegated user identity (the user in the signed token).
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP } from '../../../scenarios/contoso';
import { decodeJwtParts } from '../../crypto';
import { runScenario } from '../../index';
import type { SimulationRun } from '../../index';

const ADA = 'ada@contoso.onmicrosoft.com';

/** The web app's request to the Orders API and the API's JSON answer. */
function apiCall(run: SimulationRun) {
  const request = run.steps.find(
    (s) => s.kind === 'request' && s.from === 'web-app' && s.to === 'orders-api',
  )?.request;
  const response = run.steps.find((s) => s.kind === 'response' && s.from === 'orders-api');
  const bearer = (request?.headers.Authorization ?? '').replace(/^Bearer /, '');
  return {
    headers: request?.headers ?? {},
    claims: decodeJwtParts(bearer)?.payload ?? {},
    body: JSON.parse(response?.response?.body ?? '{}') as Record<string, unknown>,
    events: response?.events ?? [],
  };
}

describe('trusted subsystem (web API doc: application identity)', () => {
  it('the token proves only the app; the user is in the unsigned X-On-Behalf-Of-User header', async () => {
    const run = await runScenario(getScenario('trusted-subsystem'), { decisions: 'script' });
    expect(run.result.ok).toBe(true);
    const call = apiCall(run);
    expect(call.headers['X-On-Behalf-Of-User']).toBe(ADA);
    expect(call.claims).toMatchObject({
      azp: APP.webApp,
      idtyp: 'app',
      roles: ['Orders.Read.All'],
    });
    expect(call.claims.scp).toBeUndefined();
    expect(call.claims.name).toBeUndefined();
    expect(JSON.stringify(call.claims)).not.toContain(ADA);
    expect(call.body.actingFor).toMatchObject({ user: ADA });
    expect(call.body.caller).toMatchObject({ user: null });
    const trust = call.events.find((e) => e.type === 'client.check' && e.party === 'orders-api');
    expect(trust).toMatchObject({ ok: true });
    expect(trust?.type === 'client.check' ? trust.detail : '').toContain('did not sign');
  });

  it('the web app gets its own token with client credentials and never asks for an API scope at sign-in', async () => {
    const run = await runScenario(getScenario('trusted-subsystem'), { decisions: 'script' });
    const bodies = run.steps.flatMap((s) => (s.kind === 'request' ? [s.request.body ?? ''] : []));
    expect(bodies.some((b) => b.includes('grant_type=client_credentials'))).toBe(true);
    expect(bodies.some((b) => b.includes('scope=api%3A%2F%2Forders%2F.default'))).toBe(true);
  });

  it('nothing in the protocol stops the app naming another user: the API believes the header', async () => {
    const run = await runScenario(getScenario('trusted-subsystem'), {
      variants: ['header-names-another-user'],
      decisions: 'script',
    });
    const call = apiCall(run);
    expect(call.headers['X-On-Behalf-Of-User']).toBe('grace@contoso.onmicrosoft.com');
    expect(call.body.actingFor).toMatchObject({ user: 'grace@contoso.onmicrosoft.com' });
  });
});

describe('delegated user identity, side by side', () => {
  it('the user is in the signed token (name, scp), no header, no actingFor', async () => {
    const run = await runScenario(getScenario('trusted-subsystem'), {
      variants: ['delegated-instead'],
      decisions: 'script',
    });
    expect(run.result.ok).toBe(true);
    const call = apiCall(run);
    expect(call.headers['X-On-Behalf-Of-User']).toBeUndefined();
    expect(call.claims).toMatchObject({
      azp: APP.webApp,
      name: 'Ada Lovelace',
      scp: 'Orders.Read',
    });
    expect(call.body.actingFor).toBeUndefined();
    expect(call.body.caller).toMatchObject({ user: 'Ada Lovelace' });
  });

  it('an API without trustedUserHeader ignores such a header on app-only calls', async () => {
    const base = getScenario('trusted-subsystem');
    const scenario = {
      ...base,
      parties: base.parties.map((p) =>
        p.kind === 'api' ? { ...p, trustedUserHeader: undefined } : p,
      ),
    };
    const run = await runScenario(scenario, { decisions: 'script' });
    expect(apiCall(run).body.actingFor).toBeUndefined();
  });
});
