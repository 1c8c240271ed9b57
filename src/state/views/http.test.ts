// Redirects, error redirects and the authority's pages as the Response tab shows them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../engine/index';
import { buildStepDetail } from './index';
import { detailWhere, run } from './runs.test-helpers';

let chain: SimulationRun;
let cancelled: SimulationRun;
let wildcard: SimulationRun;
let notRegistered: SimulationRun;

beforeAll(async () => {
  chain = await run('full-chain', { decisions: 'script' });
  cancelled = await run('full-chain', { variants: ['user-cancels-consent'], decisions: 'script' });
  wildcard = await run('oidc-sign-in', { variants: ['wildcard-reply-url'], decisions: 'script' });
  notRegistered = await run('oidc-sign-in', { variants: ['redirect-not-registered'] });
});

describe('redirects', () => {
  it('decodes the redirect to the authorize endpoint one query parameter a row', () => {
    const detail = detailWhere(chain, (s) => s.kind === 'response' && s.tag === 'open-app');
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
    const request = detailWhere(chain, (s) => s.kind === 'request' && s.tag === 'authorize');
    expect(request.request.query.find((p) => p.name === 'code_challenge_method')?.value).toBe(
      'S256',
    );
  });

  it('decodes an error redirect (error, error_description, state) and the consent events', () => {
    const detail = detailWhere(cancelled, (s) => s.kind === 'response' && s.tag === 'consent');
    const params = new Map(detail.response?.location?.params.map((p) => [p.name, p.value]));
    expect(detail.response?.location?.isError).toBe(true);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(params.has('state')).toBe(true);
    expect(detail.error?.code).toBe(65004);

    const prompted = detailWhere(chain, (s) => s.events.some((e) => e.type === 'consent.prompted'));
    expect(prompted.events.find((n) => n.title.startsWith('Consent needed'))?.items).toEqual([
      'Missing: Orders API: Orders.Read',
      'Missing: Todo API: Todo.Read',
      'Missing: Reports API: Reports.Read',
    ]);
    const recorded = detailWhere(chain, (s) => s.events.some((e) => e.type === 'consent.recorded'));
    expect(recorded.events.find((n) => n.title.startsWith('Consent recorded'))?.items).toEqual([
      'Grant created: Contoso Todo web app -> Orders API: Orders.Read',
      'Grant created: Contoso Todo web app -> Todo API: Todo.Read',
      'Grant created: Todo API -> Reports API: Reports.Read',
    ]);
  });
});

describe("the authority's pages", () => {
  it('names the sign-in page and shows its text', () => {
    const signIn = detailWhere(chain, (s) => s.kind === 'response' && s.tag === 'authorize');
    expect(signIn.response?.page).toMatchObject({ kind: 'sign-in', label: 'Sign-in page' });
    expect(signIn.response?.page?.text).toContain('to continue to Contoso Todo web app');
  });

  it('lists the consent items one a row', () => {
    const prompted = detailWhere(chain, (s) => s.events.some((e) => e.type === 'consent.prompted'));
    const page = prompted.response?.page;
    expect(page?.kind).toBe('consent');
    expect(page?.fields.map((f) => f.name)).toContain('Reports API: Reports.Read');
    expect(page?.fields.every((f) => f.token === null)).toBe(true);
  });

  it("shows the error page's AADSTS code", () => {
    const error = detailWhere(notRegistered, (s) => s.kind === 'response' && s.tag === 'authorize');
    expect(error.response?.page?.kind).toBe('error');
    expect(error.response?.page?.summary).toMatch(/^AADSTS50011: /);
    expect(error.error?.code).toBe(50011);
  });

  it('shows the wildcard reply URL match and the form_post fields with the ID token', () => {
    const matched = detailWhere(wildcard, (s) =>
      s.events.some((e) => e.type === 'reply-url.matched'),
    );
    const note = matched.events.find((n) => n.title.startsWith('Reply URL'));
    expect(note?.title).toBe('Reply URL matched a wildcard registration');
    expect(note?.items).toContain('Wildcard: yes');
    expect(note?.items).toContain('Registered: https://*.contoso.example/signin-oidc');

    const posted = detailWhere(wildcard, (s) => s.kind === 'response' && s.tag === 'sign-in');
    expect(posted.response?.page?.kind).toBe('form_post');
    const idToken = posted.response?.page?.fields.find((f) => f.name === 'id_token')?.token;
    expect(idToken?.inspection.kind).toBe('id_token');
    expect(idToken?.inspection.summary).toMatch(/ID token for Contoso Todo web app/);
    const checks = wildcard.steps.flatMap((s) => buildStepDetail(wildcard, s.index)?.events ?? []);
    expect(checks.some((n) => n.title === 'Contoso Todo web app check passed')).toBe(true);
    expect(checks.some((n) => n.items.some((i) => i.includes('c_hash')))).toBe(true);
  });
});
