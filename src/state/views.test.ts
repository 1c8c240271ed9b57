// View builders against real runs: token names, OBO comparison, decoded requests, timeline, times.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import type { SimulationRun } from '../engine/index';
import { getScenario } from '../scenarios/index';
import { loadEngine } from './engine-loader';
import { formatClock, formatDuration, formatRelative } from './format';
import {
  announceStep,
  buildLinks,
  buildStartingFacts,
  buildStepDetail,
  buildTimeline,
  buildTokenView,
  scenarioParties,
  shortenLabel,
  tokenName,
} from './views';

let obo: SimulationRun;
let consentMissing: SimulationRun;
let cc: SimulationRun;

beforeAll(async () => {
  await loadEngine();
  obo = await runScenario(getScenario('obo-secret'), { variants: [], seed: 1 });
  consentMissing = await runScenario(getScenario('obo-secret'), {
    variants: ['consent-missing'],
    seed: 1,
  });
  cc = await runScenario(getScenario('cc-secret'), { variants: [], seed: 1 });
});

function appId(run: SimulationRun, party: string): string {
  const found = run.parties.find((p) => p.id === party)?.appId;
  if (!found) throw new Error(`no app id for ${party}`);
  return found;
}

function oboResponseIndex(run: SimulationRun): number {
  return run.steps.findIndex((s) => s.kind === 'response' && s.tag === 'obo');
}

describe('token names', () => {
  it('calls the starting token "token A" and the OBO result "token B"', () => {
    const fact = obo.startingFacts[0];
    expect(fact).toBeDefined();
    expect(tokenName(obo, fact?.token ?? '')).toBe('token A');
    const detail = buildStepDetail(obo, oboResponseIndex(obo));
    const issued = detail?.tokens.find((t) => t.message === 'response');
    expect(issued?.name).toBe('token B');
    expect(issued?.location).toBe('access_token field');
    expect(buildStartingFacts(obo)[0]?.token?.name).toBe('token A');
  });
});

describe('step detail', () => {
  it('compares token A and token B on the OBO token response', () => {
    const detail = buildStepDetail(obo, oboResponseIndex(obo));
    const rows = new Map(detail?.comparison?.rows.map((r) => [r.claim, r]));
    expect(rows.get('aud')?.a).toBe(appId(obo, 'api-a'));
    expect(rows.get('aud')?.b).toBe(appId(obo, 'api-b'));
    expect(rows.get('aud')?.same).toBe(false);
    expect(rows.get('scp')?.b).toBe('Reports.Read');
    expect(rows.get('oid')?.same).toBe(true);
    expect(rows.get('azp / appid')?.b).toBe(`${appId(obo, 'api-a')} (azp)`);
  });

  it('has no comparison on other steps', () => {
    expect(buildStepDetail(obo, 0)?.comparison).toBeNull();
    expect(buildStepDetail(cc, 1)?.comparison).toBeNull();
  });

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

  it('returns null out of range', () => {
    expect(buildStepDetail(obo, obo.steps.length)).toBeNull();
  });
});

describe('timeline and canvas links', () => {
  it('writes one numbered row per step with party labels', () => {
    const rows = buildTimeline(obo);
    expect(rows).toHaveLength(obo.steps.length);
    const tokenRequest = rows[oboResponseIndex(obo) - 1];
    expect(tokenRequest?.text).toMatch(
      /^4\. Todo API \(API A\) -> Microsoft Entra ID: POST \/\{tenant\}\/oauth2\/v2\.0\/token$/,
    );
    expect(tokenRequest?.chips).toEqual(['token A']);
    expect(rows[oboResponseIndex(obo)]?.chips).toEqual(['token B']);
    expect(rows[oboResponseIndex(obo)]?.status).toBe(200);
  });

  it('shortens a tenant id path segment only', () => {
    expect(shortenLabel('GET /3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3/discovery/v2.0/keys')).toBe(
      'GET /{tenant}/discovery/v2.0/keys',
    );
    expect(shortenLabel('GET /me/todos')).toBe('GET /me/todos');
    expect(shortenLabel('400 Bad Request')).toBe('400 Bad Request');
  });

  it('has one link per pair of parties that talk', () => {
    const pairs = new Set(obo.steps.map((s) => [s.from, s.to].sort().join('|')));
    expect(buildLinks(obo)).toHaveLength(pairs.size);
  });

  it('announces a step in one sentence', () => {
    expect(announceStep(obo, 0)).toMatch(
      /^Step 1 of 10: Todo web client to Todo API \(API A\), GET \/me\/todos carrying token A\. /,
    );
  });
});

describe('token view and times', () => {
  it('shows time claims with a relative time against the step time', () => {
    const step = cc.steps[1];
    const issued = buildStepDetail(cc, 1)?.tokens.find((t) => t.message === 'response');
    if (!step || !issued) throw new Error('client credentials token missing');
    const view = buildTokenView(issued.name, issued.inspection, step.time);
    const exp = view.claims.find((c) => c.name === 'exp');
    expect(exp?.time?.relative).toMatch(/^in \d+ (h|min)/);
    expect(view.claims.find((c) => c.name === 'roles')?.value).toContain('Orders');
    expect(view.versionBadge).toBe('v2.0');
    expect(view.signature.status).toBe('valid');
  });

  it('formats relative times with at most two units', () => {
    expect(formatRelative(100, 100)).toBe('now');
    expect(formatRelative(145, 100)).toBe('in 45 s');
    expect(formatRelative(100, 280)).toBe('3 min ago');
    expect(formatRelative(100 + 3600 + 14 * 60 + 9, 100)).toBe('in 1 h 14 min');
    expect(formatRelative(0, 2 * 86400 + 3 * 3600)).toBe('2 d 3 h ago');
    expect(formatClock(1772442003)).toEqual({
      iso: '2026-03-02T09:00:03Z',
      time: '09:00:03 UTC',
      date: '2026-03-02',
    });
  });
});

describe('sign-in and consent views', () => {
  let chain: SimulationRun;
  let cancelled: SimulationRun;
  let wildcard: SimulationRun;
  let notRegistered: SimulationRun;
  beforeAll(async () => {
    chain = await runScenario(getScenario('full-chain'), { seed: 1, decisions: 'script' });
    cancelled = await runScenario(getScenario('full-chain'), {
      seed: 1,
      variants: ['user-cancels-consent'],
      decisions: 'script',
    });
    wildcard = await runScenario(getScenario('oidc-sign-in'), {
      seed: 1,
      variants: ['wildcard-reply-url'],
      decisions: 'script',
    });
    notRegistered = await runScenario(getScenario('oidc-sign-in'), {
      seed: 1,
      variants: ['redirect-not-registered'],
    });
  });

  const find = (run: SimulationRun, test: (s: SimulationRun['steps'][number]) => boolean) => {
    const step = run.steps.find(test);
    if (!step) throw new Error('step not found');
    const detail = buildStepDetail(run, step.index);
    if (!detail) throw new Error('no detail');
    return detail;
  };

  it('decodes the redirect to the authorize endpoint one query parameter a row', () => {
    const detail = find(chain, (s) => s.kind === 'response' && s.tag === 'open-app');
    const location = detail.response?.location;
    expect(location?.target).toMatch(/\/oauth2\/v2\.0\/authorize$/);
    expect(location?.isError).toBe(false);
    expect(location?.params.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'client_id',
        'response_type',
        'redirect_uri',
        'scope',
        'state',
        'nonce',
        'code_challenge',
        'code_challenge_method',
      ]),
    );
    const request = find(chain, (s) => s.kind === 'request' && s.tag === 'authorize').request;
    expect(request.query.find((p) => p.name === 'code_challenge_method')?.value).toBe('S256');
  });

  it('decodes an error redirect (error, error_description, state) and the consent events', () => {
    const detail = find(cancelled, (s) => s.kind === 'response' && s.tag === 'consent');
    const params = new Map(detail.response?.location?.params.map((p) => [p.name, p.value]));
    expect(detail.response?.location?.isError).toBe(true);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(params.has('state')).toBe(true);
    expect(detail.error?.code).toBe(65004);

    const prompted = find(chain, (s) => s.events.some((e) => e.type === 'consent.prompted'));
    expect(prompted.response?.page?.kind).toBe('consent');
    expect(prompted.events.find((n) => n.title.startsWith('Consent needed'))?.items).toEqual([
      'Missing: Orders API: Orders.Read',
      'Missing: Todo API: Todo.Read',
      'Missing: Reports API: Reports.Read',
    ]);
    const recorded = find(chain, (s) => s.events.some((e) => e.type === 'consent.recorded'));
    expect(recorded.events.find((n) => n.title.startsWith('Consent recorded'))?.items).toEqual([
      'Grant created: Contoso Todo web app -> Orders API: Orders.Read',
      'Grant created: Contoso Todo web app -> Todo API: Todo.Read',
      'Grant created: Todo API -> Reports API: Reports.Read',
    ]);
  });

  it("names the authority's pages and shows the error page's AADSTS code", () => {
    const signIn = find(chain, (s) => s.kind === 'response' && s.tag === 'authorize');
    expect(signIn.response?.page).toMatchObject({ kind: 'sign-in', label: 'Sign-in page' });
    expect(signIn.response?.page?.text).toContain('to continue to Contoso Todo web app');
    const error = find(notRegistered, (s) => s.kind === 'response' && s.tag === 'authorize');
    expect(error.response?.page?.kind).toBe('error');
    expect(error.response?.page?.summary).toMatch(/^AADSTS50011: /);
    expect(error.error?.code).toBe(50011);
  });

  it('shows the wildcard reply URL match and the form_post fields with the ID token', () => {
    const matched = find(wildcard, (s) => s.events.some((e) => e.type === 'reply-url.matched'));
    const note = matched.events.find((n) => n.title.startsWith('Reply URL'));
    expect(note?.title).toBe('Reply URL matched a wildcard registration');
    expect(note?.items).toContain('Wildcard: yes');
    expect(note?.items).toContain('Registered: https://*.contoso.example/signin-oidc');

    const posted = find(wildcard, (s) => s.kind === 'response' && s.tag === 'sign-in');
    expect(posted.response?.page?.kind).toBe('form_post');
    const idToken = posted.response?.page?.fields.find((f) => f.name === 'id_token')?.token;
    expect(idToken?.inspection.kind).toBe('id_token');
    expect(idToken?.inspection.summary).toMatch(/ID token for Contoso Todo web app/);
    const checks = wildcard.steps.flatMap((s) => buildStepDetail(wildcard, s.index)?.events ?? []);
    expect(checks.some((n) => n.title === 'Contoso Todo web app check passed')).toBe(true);
    expect(checks.some((n) => n.items.some((i) => i.includes('c_hash')))).toBe(true);
  });

  it("puts the person's decisions on the timeline rows that carry them", () => {
    const rows = buildTimeline(chain).filter((r) => r.decision !== null);
    expect(rows.map((r) => r.decision)).toEqual(['Ada: signs in', 'Ada: accepts']);
    expect(rows.every((r) => r.from === 'browser' && r.to === 'authority')).toBe(true);
    const cancel = buildTimeline(cancelled).filter((r) => r.decision !== null);
    expect(cancel.map((r) => r.decision)).toEqual([
      'Ada: signs in',
      'Ada: cancels (set by the what-if)',
    ]);
  });

  it('names token B in the combined-consent chain: aud is the Reports API', () => {
    const last = buildStepDetail(chain, chain.steps.length - 1);
    expect(last?.response?.status).toBe(200);
    const tokenB = Object.keys(chain.tokens).find((t) => tokenName(chain, t) === 'token B');
    const aud = tokenB
      ? chain.tokens[tokenB]?.claims.find((c) => c.name === 'aud')?.value
      : undefined;
    expect(aud).toBe(appId(chain, 'api-b'));
  });

  it.each([
    ['admin-only-permission', 90094],
    ['downstream-consent-never-given', 65001],
    ['user-cancels-consent', 65004],
  ])(
    'full chain with %s: a step carries the AADSTS%i card with why and fix',
    async (variant, code) => {
      const run = await runScenario(getScenario('full-chain'), {
        seed: 1,
        variants: [variant],
        decisions: 'script',
      });
      const step = run.steps.find((s) => s.error?.code === code);
      const card = step ? buildStepDetail(run, step.index)?.error : undefined;
      expect(card?.why).toBeTruthy();
      expect(card?.fix).toBeTruthy();
      expect(`${card?.why ?? ''} ${card?.fix ?? ''}`).not.toMatch(/\{[a-zA-Z]+\}/);
    },
  );

  it('draws the parties of a scenario from its definition before any run', () => {
    const scenario = getScenario('full-chain');
    const parties = scenarioParties(scenario);
    expect(parties.map((p) => p.id)).toEqual(chain.parties.map((p) => p.id));
    expect(parties.find((p) => p.id === 'user')?.position).toEqual(scenario.layout['user']);
    expect(scenarioParties(scenario)).toBe(parties);
  });
});

describe('durations', () => {
  it('formats seconds in their largest units', () => {
    expect(formatDuration(300)).toBe('5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(91 * 86400)).toBe('91 d');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });
});
