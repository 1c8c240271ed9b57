// Spec tests of the client program: MSAL-like token cache (hit, miss, expired), clock beats, and the multi-tenant sign-up page.
import { describe, expect, it } from 'vitest';
import { ADMIN_CONSENT } from '../../../scenarios/admin-consent';
import { CC_TOKEN_CACHE } from '../../../scenarios/cc-token-cache';
import { runScenario } from '../../index';
import type { SimulationRun, TraceEvent } from '../../index';

type CacheEvent = Extract<TraceEvent, { type: 'token.cache' }>;

const cacheEvents = (run: SimulationRun): CacheEvent[] =>
  run.steps.flatMap((s) => s.events.filter((e): e is CacheEvent => e.type === 'token.cache'));

const tokenRequests = (run: SimulationRun) =>
  run.steps.filter(
    (s) => s.kind === 'request' && s.to === 'authority' && s.tag.startsWith('get-token'),
  );

const scenario = CC_TOKEN_CACHE;

describe('client token cache', () => {
  it('stops at the clock beat between the two runs', async () => {
    const run = await runScenario(scenario);
    expect(run.pendingPrompt).toMatchObject({
      prompt: 'clock',
      title: 'The daemon runs again later. How much later?',
    });
    expect(tokenRequests(run)).toHaveLength(1);
    expect(cacheEvents(run).map((e) => e.outcome)).toEqual(['miss']);
  });

  it('5 minutes later: the cached token is served, nothing goes to the authority', async () => {
    const run = await runScenario(scenario, { decisions: [{ prompt: 'clock', seconds: 300 }] });
    expect(run.result.ok).toBe(true);
    expect(tokenRequests(run)).toHaveLength(1);
    const [, hit] = cacheEvents(run);
    expect(hit).toMatchObject({ party: 'daemon', outcome: 'hit' });
    expect((hit?.refreshAt ?? 0) - (hit?.now ?? 0)).toBeGreaterThan(0);
    // The hit travels with the second API call, the first message after it.
    const carrier = run.steps.find((s) => s.events.includes(hit as TraceEvent));
    expect(carrier?.tag).toBe('call-api-again');
    // Both calls carried the same token.
    const bearers = run.steps
      .filter((s) => s.kind === 'request' && s.to === 'orders-api')
      .map((s) => s.request.headers.Authorization);
    expect(new Set(bearers).size).toBe(1);
  });

  it('past exp: the daemon asks again with client credentials (no refresh token exists)', async () => {
    const run = await runScenario(scenario, { decisions: [{ prompt: 'clock', seconds: 7200 }] });
    expect(run.result.ok).toBe(true);
    const requests = tokenRequests(run);
    expect(requests).toHaveLength(2);
    expect(new URLSearchParams(requests[1]?.request.body).get('grant_type')).toBe(
      'client_credentials',
    );
    for (const s of run.steps.filter((x) => x.kind === 'response' && x.from === 'authority'))
      expect(s.response?.body).not.toContain('refresh_token');
    const [, expired] = cacheEvents(run);
    expect(expired).toMatchObject({ outcome: 'expired' });
    expect(expired?.now).toBeGreaterThan(expired?.expiresAt ?? Infinity);
  });

  it('renews 5 minutes before exp: just inside the margin it asks again', async () => {
    const first = await runScenario(scenario);
    const issued = first.steps.find((s) => s.kind === 'response' && s.tag === 'get-token');
    const expiresIn = Number(JSON.parse(issued?.response?.body ?? '{}').expires_in);
    // The wait starts one second after the response; land 4 minutes before exp.
    const seconds = expiresIn - 240 - 2;
    const run = await runScenario(scenario, { decisions: [{ prompt: 'clock', seconds }] });
    expect(cacheEvents(run)[1]?.outcome).toBe('expired');
    const early = await runScenario(scenario, {
      decisions: [{ prompt: 'clock', seconds: expiresIn - 360 - 2 }],
    });
    expect(cacheEvents(early)[1]?.outcome).toBe('hit');
  });

  it('without a cache, every run asks the authority and records no cache event', async () => {
    const run = await runScenario(scenario, {
      variants: ['no-token-cache'],
      decisions: [{ prompt: 'clock', seconds: 300 }],
    });
    expect(tokenRequests(run)).toHaveLength(2);
    expect(cacheEvents(run)).toEqual([]);
  });

  it('a what-if that decides the clock answers the beat by itself with the script', async () => {
    const run = await runScenario(scenario, {
      variants: ['two-hours-later'],
      decisions: 'script',
    });
    const decided = run.steps.flatMap((s) => s.events).find((e) => e.type === 'user.decided');
    expect(decided).toMatchObject({
      decision: { prompt: 'clock', seconds: 7200 },
      setBy: 'The next run is two hours later',
    });
  });
});

describe('multi-tenant sign-up page', () => {
  it('rejects a redirect whose state it never issued', async () => {
    const s = ADMIN_CONSENT;
    const forged = structuredClone({ ...s, variants: [] });
    const browser = forged.parties.find((p) => p.kind === 'browser');
    if (browser?.kind === 'browser')
      browser.program = [
        {
          do: 'navigate',
          id: 'forged',
          url: 'https://orgchart.contoso.example/permissions?admin_consent=True&tenant=x&state=forged',
        },
      ];
    const run = await runScenario({ ...forged, variants: s.variants });
    expect(run.result.ok).toBe(false);
    expect(run.steps.at(-1)?.error?.title).toBe('State mismatch detected by the client');
    expect(run.steps.some((s) => s.to === 'authority')).toBe(false);
  });

  it('runs the daemon in the tenant the redirect names', async () => {
    const run = await runScenario(ADMIN_CONSENT, { decisions: 'script' });
    const tokenRequest = run.steps.find((s) => s.kind === 'request' && s.tag === 'get-token');
    expect(tokenRequest?.request.url).toBe(
      'https://login.microsoftonline.com/8e2b4c6d-1a3f-4e5b-9c7d-0f1e2d3c4b5a/oauth2/v2.0/token',
    );
    expect(run.steps.at(-1)).toMatchObject({ from: 'daemon', to: 'browser', kind: 'response' });
    expect(run.steps.at(-1)?.response?.status).toBe(200);
  });
});
