// Spec tests of the OBO doc's client limitations beyond the implicit grant: SPA code redemption
// (cross-origin), a SPA attempting OBO, and a middle tier with a custom signing key.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../../scenarios/index';
import { APP } from '../../../../scenarios/contoso';
import { certificateThumbprints, fixtureCertificateBase64 } from '../../../crypto';
import { decodeJwtParts } from '../../../crypto';
import { runScenario } from '../../../index';
import type { SimulationRun } from '../../../index';
import { checksBefore, expectStoppedAt, JWT_BEARER_GRANT } from '../authority.test-helpers';

const apiChecks = (run: SimulationRun) =>
  run.steps.flatMap((s) => s.events.filter((e) => e.type === 'api.checks'));

describe('code-redemption-origin (auth code flow doc: redirect URIs for single-page apps)', () => {
  it('the SPA redeems its spa-platform code cross-origin (Origin header, no secret) and succeeds', async () => {
    const run = await runScenario(getScenario('obo-spa'), { decisions: 'script' });
    expect(run.result.ok).toBe(true);
    const redeem = run.steps.find(
      (s) =>
        s.kind === 'request' && (s.request.body ?? '').includes('grant_type=authorization_code'),
    );
    expect(redeem?.request.headers.Origin).toBe('https://todo.contoso.example');
    expect(redeem?.request.body).not.toContain('client_secret');
    expect(redeem?.request.body).toContain('code_verifier=');
  });

  it('a web-platform code redeemed cross-origin: AADSTS9002326, before client authentication', async () => {
    const run = await runScenario(getScenario('obo-spa'), {
      variants: ['spa-redirect-under-web'],
      decisions: 'script',
    });
    expect(expectStoppedAt(run, 'code-redemption-origin', 9002326)).toEqual(
      checksBefore('authorization_code', 'code-redemption-origin'),
    );
  });

  it('a spa-platform code redeemed without Origin (from a server): AADSTS9002327', async () => {
    const base = getScenario('obo-spa');
    const scenario = {
      ...base,
      parties: base.parties.map((p) => (p.kind === 'web-app' ? { ...p, singlePageApp: false } : p)),
    };
    const run = await runScenario(scenario, { decisions: 'script' });
    expectStoppedAt(run, 'code-redemption-origin', 9002327);
  });
});

describe('a SPA cannot do OBO itself (OBO doc, client limitations)', () => {
  it('the SPA posts token A as an OBO assertion without a credential: AADSTS7000218', async () => {
    const run = await runScenario(getScenario('obo-spa'), {
      variants: ['spa-tries-obo'],
      decisions: 'script',
    });
    const obo = run.steps.find(
      (s) => s.kind === 'request' && (s.request.body ?? '').includes('requested_token_use'),
    );
    expect(obo?.from).toBe('web-app');
    expect(obo?.request.body).toContain(`client_id=${APP.spa}`);
    expect(expectStoppedAt(run, 'client-credential-present', 7000218)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'client-credential-present'),
    );
    expect(run.steps.some((s) => s.to === 'api-b')).toBe(false);
  });
});

describe('a middle tier with a custom signing key (OBO doc, client limitations)', () => {
  it('token B is signed with the middle tier key, and API B cannot find its kid (401 at signature)', async () => {
    const run = await runScenario(getScenario('obo-secret'), { variants: ['custom-signing-key'] });
    expect(run.result.ok).toBe(false);
    const issued = run.steps.find(
      (s) =>
        s.kind === 'response' &&
        s.from === 'authority' &&
        s.to === 'api-a' &&
        s.response?.status === 200 &&
        (s.response.body ?? '').includes('access_token'),
    );
    const tokenB =
      (JSON.parse(issued?.response?.body ?? '{}') as { access_token?: string }).access_token ?? '';
    const own = await certificateThumbprints(fixtureCertificateBase64('middle-tier-api'));
    const authority = await certificateThumbprints(fixtureCertificateBase64('authority'));
    expect(decodeJwtParts(tokenB)?.header.kid).toBe(own.x5t);
    expect(decodeJwtParts(tokenB)?.header.kid).not.toBe(authority.x5t);
    const atB = apiChecks(run).find((e) => e.type === 'api.checks' && e.party === 'api-b');
    expect(atB).toMatchObject({ failed: { check: 'signature', reason: 'key_not_found' } });
    const inspected = run.tokens[tokenB];
    expect(inspected?.signature.detail).toContain('custom signing key');
  });

  it('without the custom key the same run succeeds, token B signed by the authority', async () => {
    const run = await runScenario(getScenario('obo-secret'));
    expect(run.result.ok).toBe(true);
  });

  it('a signing key (usage Sign) is not a client credential: an assertion signed with it is refused (AADSTS700027)', async () => {
    const variant = getScenario('obo-secret').variants.find((v) => v.id === 'custom-signing-key');
    if (!variant) throw new Error('variant missing');
    const base = getScenario('obo-certificate');
    const scenario = variant.apply({
      ...base,
      directory: structuredClone(base.directory),
      narration: { ...base.narration },
    });
    const todo = scenario.directory.applications.find((a) => a.appId === APP.todoApi);
    if (todo) todo.keyCredentials = todo.keyCredentials.filter((k) => k.usage === 'Sign');
    const run = await runScenario(scenario);
    expectStoppedAt(run, 'client-assertion-key-registered', 700027);
  });
});
