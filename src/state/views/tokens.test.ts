// Token names and where each token travelled, as the engine recorded it (run.tokenSightings).
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../engine/index';
import { buildStartingFacts, buildStepDetail, tokenName, tokensInStep } from './index';
import { appId, detailWhere, oboResponseIndex, run } from './runs.test-helpers';

let obo: SimulationRun;
let ccCertificate: SimulationRun;
let chain: SimulationRun;
let wildcard: SimulationRun;

beforeAll(async () => {
  obo = await run('obo-secret');
  ccCertificate = await run('cc-certificate');
  chain = await run('full-chain', { decisions: 'script' });
  wildcard = await run('oidc-sign-in', { variants: ['wildcard-reply-url'], decisions: 'script' });
});

describe('token names', () => {
  it('calls the starting token "token A" and the OBO result "token B"', () => {
    const fact = obo.startingFacts[0];
    expect(tokenName(obo, fact?.token ?? '')).toBe('token A');
    const issued = buildStepDetail(obo, oboResponseIndex(obo))?.tokens.find(
      (t) => t.message === 'response',
    );
    expect(issued?.name).toBe('token B');
    expect(buildStartingFacts(obo)[0]?.token).toMatchObject({
      name: 'token A',
      location: 'held by Todo web client',
    });
  });

  it('names a client assertion by its kind', () => {
    const assertion = buildStepDetail(ccCertificate, 0)?.tokens[0];
    expect(assertion).toMatchObject({ name: 'client assertion', message: 'request' });
    expect(assertion?.inspection.kind).toBe('client_assertion');
  });

  it('names token B in the combined-consent chain: aud is the Reports API', () => {
    const tokenB = Object.keys(chain.tokens).find((t) => tokenName(chain, t) === 'token B');
    const aud = chain.tokens[tokenB ?? '']?.claims.find((c) => c.name === 'aud')?.value;
    expect(aud).toBe(appId(chain, 'api-b'));
  });

  it('calls a token the run does not know "JWT"', () => {
    expect(tokenName(obo, 'not.a.token')).toBe('JWT');
  });
});

describe('where a token travelled', () => {
  it('says where in the message: Authorization header, form parameter, JSON field', () => {
    expect(buildStepDetail(obo, 0)?.tokens.map((t) => [t.name, t.location])).toEqual([
      ['token A', 'Authorization header'],
    ]);
    const oboRequest = buildStepDetail(obo, oboResponseIndex(obo) - 1);
    expect(oboRequest?.tokens.map((t) => [t.name, t.location])).toEqual([
      ['token A', 'assertion parameter'],
    ]);
    const oboResponse = buildStepDetail(obo, oboResponseIndex(obo));
    expect(oboResponse?.tokens.map((t) => [t.name, t.location, t.message])).toEqual([
      ['token A', 'assertion parameter', 'request'],
      ['token B', 'access_token field', 'response'],
    ]);
  });

  it('finds the ID token of a form_post page and of the form the browser posts', () => {
    const page = detailWhere(wildcard, (s) => s.kind === 'response' && s.tag === 'sign-in');
    const onPage = page.tokens.find((t) => t.message === 'response');
    expect(onPage).toMatchObject({ name: 'ID token', location: 'response body' });
    const posted = detailWhere(
      wildcard,
      (s) =>
        s.kind === 'request' &&
        s.index > page.step.index &&
        (s.request.body ?? '').includes('id_token='),
    );
    expect(posted.tokens.map((t) => [t.name, t.location])).toEqual([
      ['ID token', 'id_token parameter'],
    ]);
  });

  it('reads the engine record: every sighting is of a token of the run, in step order', () => {
    for (const of of [obo, chain, wildcard]) {
      const steps = of.tokenSightings.map((s) => s.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      for (const sighting of of.tokenSightings) {
        expect(of.tokens[sighting.token]).toBeDefined();
        expect(of.steps[sighting.step]?.kind).toBe(sighting.message);
      }
      for (const step of of.steps) {
        const names = tokensInStep(of, step).map((t) => t.token);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });
});
