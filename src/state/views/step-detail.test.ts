// The inspector's view of a step: decoded request, response, error card and the OBO comparison.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../engine/index';
import { buildStepDetail } from './index';
import { appId, oboResponseIndex, run } from './runs.test-helpers';

let obo: SimulationRun;
let consentMissing: SimulationRun;
let cc: SimulationRun;

beforeAll(async () => {
  obo = await run('obo-secret');
  consentMissing = await run('obo-secret', { variants: ['consent-missing'] });
  cc = await run('cc-secret');
});

describe('OBO comparison', () => {
  it('compares token A and token B on the OBO token response', () => {
    const detail = buildStepDetail(obo, oboResponseIndex(obo));
    const rows = new Map(detail?.comparison?.rows.map((r) => [r.claim, r]));
    expect(rows.get('aud')?.a).toBe(appId(obo, 'api-a'));
    expect(rows.get('aud')?.b).toBe(appId(obo, 'api-b'));
    expect(rows.get('aud')?.same).toBe(false);
    expect(rows.get('scp')?.b).toBe('Reports.Read');
    expect(rows.get('oid')?.same).toBe(true);
    expect(rows.get('azp / appid')?.b).toBe(`${appId(obo, 'api-a')} (azp)`);
    // GUIDs named, every claim that may differ compared, and one sentence on what changed.
    expect(rows.get('aud')?.bNote).toBe('Reports API (API B)');
    expect(rows.get('azp / appid')?.bNote).toBe('Todo API (API A)');
    expect(rows.get('oid')?.aNote).toBe('Ada Lovelace');
    for (const claim of ['sub', 'azpacr / appidacr', 'exp', 'iat', 'tid'])
      expect(rows.has(claim), claim).toBe(true);
    expect(rows.get('sub')?.same).toBe(false);
    expect(rows.get('exp')?.aNote).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(detail?.comparison?.summary).toBe(
      'Same user (Ada Lovelace, oid unchanged); new audience: Reports API (API B); Todo API (API A) is now the client (azp); sub differs because it is pairwise: unique per user and app.',
    );
  });

  it('has no comparison on other steps', () => {
    expect(buildStepDetail(obo, 0)?.comparison).toBeNull();
    expect(buildStepDetail(cc, 1)?.comparison).toBeNull();
  });
});

describe('request and response', () => {
  it('decodes the OBO form body one parameter a row and links the assertion to token A', () => {
    const request = buildStepDetail(obo, oboResponseIndex(obo) - 1)?.request;
    const form = new Map(request?.form?.map((row) => [row.name, row]));
    expect(form.get('grant_type')?.value).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('requested_token_use')?.value).toBe('on_behalf_of');
    expect(form.get('assertion')?.token?.name).toBe('token A');
    expect(form.get('grant_type')?.token).toBeNull();
    expect(request?.requestLine).toMatch(/^POST \/.+\/oauth2\/v2\.0\/token HTTP\/1\.1$/);
  });

  it('links the Authorization bearer token of an API call', () => {
    const request = buildStepDetail(obo, 0)?.request;
    expect(request?.authorizationScheme).toBe('Bearer');
    expect(request?.bearer?.name).toBe('token A');
    expect(request?.form).toBeNull();
  });

  it('shows the error card and the 400 response when consent is missing', () => {
    const index = consentMissing.steps.findIndex((s) => s.error?.code === 65001);
    const detail = buildStepDetail(consentMissing, index);
    expect(detail?.error?.code).toBe(65001);
    expect(detail?.response?.status).toBe(400);
    expect(detail?.response?.ok).toBe(false);
    expect(detail?.response?.bodyIsJson).toBe(true);
    expect(detail?.response?.raw).toContain('"error": "invalid_grant"');
  });

  it('has no response on a request step, and no detail out of range', () => {
    expect(buildStepDetail(obo, 0)?.response).toBeNull();
    expect(buildStepDetail(obo, obo.steps.length)).toBeNull();
  });

  it('returns the same detail for the same run and step', () => {
    expect(buildStepDetail(obo, 1)).toBe(buildStepDetail(obo, 1));
  });

  it.each([
    ['admin-only-permission', 90094],
    ['downstream-consent-never-given', 65001],
    ['user-cancels-consent', 65004],
  ])(
    'full chain with %s: a step carries the AADSTS%i card with why and fix',
    async (variant, code) => {
      const chain = await run('full-chain', { variants: [variant], decisions: 'script' });
      const step = chain.steps.find((s) => s.error?.code === code);
      const card = step ? buildStepDetail(chain, step.index)?.error : undefined;
      expect(card?.why).toBeTruthy();
      expect(card?.fix).toBeTruthy();
      expect(`${card?.why ?? ''} ${card?.fix ?? ''}`).not.toMatch(/\{[a-zA-Z]+\}/);
    },
  );
});
