// Every what-if changes the run: its messages differ from the base flow's, and each success
// what-if shows the very fact it teaches (issue 6, section 1).
import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { runScenario } from '../engine/index';
import type { ScenarioDefinition, SimulationRun, TraceEvent, UserDecision } from '../engine/index';
import { SCENARIOS } from './index';

function scenario(id: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`Scenario ${id} missing.`);
  return found;
}

/**
 * The messages of a run as they travelled (who sent what to whom, status and body) and what each
 * party found (trace events), leaving out only the "set by the what-if" mark, so that a what-if
 * whose answer equals the base flow's would not count as a change.
 */
function wire(run: SimulationRun): string[] {
  return run.steps.map((s) => {
    const message =
      s.kind === 'request'
        ? `${s.from}->${s.to} ${s.request.method} ${s.request.url}\n${s.request.body ?? ''}`
        : `${s.from}->${s.to} ${s.response?.status ?? 0}\n${s.response?.body ?? ''}`;
    const found = s.events.map((e) => JSON.stringify({ ...e, setBy: undefined }));
    return [message, ...found].join('\n');
  });
}

function events<T extends TraceEvent['type']>(
  run: SimulationRun,
  type: T,
): Extract<TraceEvent, { type: T }>[] {
  return run.steps.flatMap((s) =>
    s.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type),
  );
}

/** The base flow's own answers: what a person who never touches a switch would click. */
const baseAnswers = (s: ScenarioDefinition): UserDecision[] => s.userScript ?? [];

describe('every what-if changes the run', () => {
  const cases = SCENARIOS.flatMap((s) => s.variants.map((v) => [s.id, v.id, s] as const));
  it.each(cases)('%s + %s differs from the base flow', async (_id, variant, s) => {
    // The same answers as the base flow: only the switch differs, so only the switch can make
    // the difference (a what-if standing for a decision must make it itself).
    const base = await runScenario(s, { seed: 3, decisions: baseAnswers(s) });
    const run = await runScenario(s, { seed: 3, variants: [variant], decisions: baseAnswers(s) });
    expect(wire(run)).not.toEqual(wire(base));
  });
});

describe('decision-shaped what-ifs make the decision', () => {
  it('"User cancels consent" cancels even when Accept is clicked', async () => {
    for (const id of ['auth-code-pkce', 'full-chain']) {
      const run = await runScenario(scenario(id), {
        variants: ['user-cancels-consent'],
        decisions: [{ prompt: 'sign-in' }, { prompt: 'consent', accept: true }],
      });
      const decided = events(run, 'user.decided').find((e) => e.decision.prompt === 'consent');
      expect(decided).toMatchObject({
        decision: { prompt: 'consent', accept: false },
        setBy: 'User cancels consent',
      });
      expect(run.result.summary).toContain('AADSTS65004');
    }
  });

  it('"User cancels consent" shows the prompt with its answer pre-selected', async () => {
    const run = await runScenario(scenario('auth-code-pkce'), {
      variants: ['user-cancels-consent'],
      decisions: [{ prompt: 'sign-in' }],
    });
    expect(run.pendingPrompt).toMatchObject({
      prompt: 'consent',
      preset: { decision: { prompt: 'consent', accept: false }, whatIf: 'User cancels consent' },
    });
  });

  it('"Refresh token expired" lets 91 days pass whatever the clock choice', async () => {
    const run = await runScenario(scenario('refresh-token'), {
      variants: ['refresh-token-expired'],
      decisions: [{ prompt: 'sign-in' }, { prompt: 'clock', seconds: 300 }],
    });
    expect(run.result.summary).toContain('AADSTS700082');
    const waiting = await runScenario(scenario('refresh-token'), {
      variants: ['refresh-token-expired'],
      decisions: [{ prompt: 'sign-in' }],
    });
    expect(waiting.pendingPrompt?.preset?.decision).toEqual({
      prompt: 'clock',
      seconds: 91 * 24 * 3600,
    });
  });
});

describe('a denied MFA request is a visible error step', () => {
  it('the authority answers the denial with its AADSTS500121 page and card', async () => {
    const run = await runScenario(scenario('full-chain'), {
      variants: ['downstream-requires-mfa'],
      decisions: [
        { prompt: 'sign-in' },
        { prompt: 'consent', accept: true },
        { prompt: 'mfa', approve: false },
      ],
    });
    const last = run.steps.at(-1);
    expect(last?.from).toBe('authority');
    expect(last?.error?.code).toBe(500121);
    expect(last?.error?.why).toContain('Ada Lovelace');
    expect(last?.response?.body).toContain('AADSTS500121: Authentication failed');
    expect(last?.narration.title).toBe('MFA denied: the sign-in stops here');
    expect(run.result).toEqual({
      ok: false,
      summary: 'Stopped: AADSTS500121 MFA denied: strong authentication failed',
      failedStep: run.steps.length - 1,
    });
    expect(run.steps.some((s) => s.from === 'web-app' && s.to === 'browser' && s.index > 24)).toBe(
      false,
    );
  });

  it('the "User denies MFA" what-if makes that answer', async () => {
    const run = await runScenario(scenario('full-chain'), {
      variants: ['user-denies-mfa'],
      decisions: [
        { prompt: 'sign-in' },
        { prompt: 'consent', accept: true },
        { prompt: 'mfa', approve: true },
      ],
    });
    expect(run.steps.at(-1)?.error?.code).toBe(500121);
  });
});

describe('each success what-if shows what it teaches', () => {
  it('legacy-rs256-x5t: the assertion is RS256 with a SHA-1 x5t', async () => {
    const assertionHeader = async (variants: string[]) => {
      const run = await runScenario(scenario('cc-certificate'), { variants });
      const body = run.steps.find((s) => s.kind === 'request' && s.to === 'authority')?.request
        .body;
      const assertion = new URLSearchParams(body ?? '').get('client_assertion') ?? '';
      return decodeProtectedHeader(assertion);
    };
    const base = await assertionHeader([]);
    const legacy = await assertionHeader(['legacy-rs256-x5t']);
    expect(base.alg).toBe('PS256');
    expect(base['x5t#S256']).toBeTypeOf('string');
    expect(legacy.alg).toBe('RS256');
    expect(legacy.x5t).toBeTypeOf('string');
    expect(legacy['x5t#S256']).toBeUndefined();
  });

  it('wildcard-reply-url: the reply URL matched is the wildcard', async () => {
    const matched = async (variants: string[]) => {
      const run = await runScenario(scenario('oidc-sign-in'), { variants, decisions: 'script' });
      return events(run, 'reply-url.matched')[0];
    };
    expect(await matched([])).toMatchObject({ wildcard: false });
    expect(await matched(['wildcard-reply-url'])).toMatchObject({
      wildcard: true,
      registered: 'https://*.contoso.example/signin-oidc',
      redirectTo: 'https://webapp.contoso.example/signin-oidc',
    });
  });

  it('admin-consents-for-organization: the grant is tenant-wide only when the box is ticked', async () => {
    const s = scenario('auth-code-pkce');
    const consent = async (forOrganization: boolean) => {
      const run = await runScenario(s, {
        variants: ['admin-consents-for-organization'],
        decisions: [
          { prompt: 'sign-in' },
          { prompt: 'consent', accept: true, ...(forOrganization ? { forOrganization } : {}) },
        ],
      });
      expect(run.result.ok).toBe(true);
      return { run, recorded: events(run, 'consent.recorded')[0] };
    };
    const ticked = await consent(true);
    const unticked = await consent(false);
    expect(ticked.recorded?.forOrganization).toBe(true);
    expect(unticked.recorded?.forOrganization).toBe(false);
    // The person is Grace everywhere: sign-in, narration, token.
    expect(events(ticked.run, 'user.signed-in')[0]?.userName).toBe('Grace Hopper');
    const narrated = ticked.run.steps.map((st) => `${st.narration.title} ${st.narration.text}`);
    expect(narrated.join('\n')).not.toMatch(/\bAda\b/);
    expect(narrated.join('\n')).toMatch(/\bGrace\b/);
    const idOrAccess = Object.keys(ticked.run.tokens).map((t) => decodeJwt(t));
    expect(idOrAccess.some((c) => c.name === 'Grace Hopper')).toBe(true);
    // Base flow: Ada consents for herself.
    const base = await runScenario(s, { decisions: 'script' });
    expect(events(base, 'consent.recorded')[0]?.forOrganization).toBe(false);
    expect(events(base, 'user.signed-in')[0]?.userName).toBe('Ada Lovelace');
  });

  it('downstream-preauthorizes-middle-tier: no prompt for the Reports API', async () => {
    const prompted = async (variants: string[]) => {
      const run = await runScenario(scenario('full-chain'), {
        variants,
        decisions: [{ prompt: 'sign-in' }],
      });
      return run.pendingPrompt?.prompt === 'consent' ? run.pendingPrompt.items : [];
    };
    const base = await prompted([]);
    const preauthorized = await prompted(['downstream-preauthorizes-middle-tier']);
    expect(base.some((i) => i.resourceName === 'Reports API')).toBe(true);
    expect(preauthorized.some((i) => i.resourceName === 'Reports API')).toBe(false);
    const run = await runScenario(scenario('full-chain'), {
      variants: ['downstream-preauthorizes-middle-tier'],
      decisions: 'script',
    });
    expect(run.result.ok).toBe(true);
    expect(events(run, 'consent.recorded')[0]?.grants.join(' ')).not.toContain('Reports API');
  });
});

describe('copy a room notices', () => {
  it('the relayed claims challenge names the policy by its id, not "(a Conditional Access policy)"', async () => {
    const run = await runScenario(scenario('obo-secret'), {
      variants: ['downstream-requires-mfa'],
    });
    const whys = run.steps.flatMap((s) => (s.error ? [s.error.why] : []));
    expect(whys.join(' ')).not.toContain('(a Conditional Access policy)');
    expect(whys.join(' ')).toMatch(
      /Conditional Access policy \((id [0-9a-f-]{36}|named in the claims challenge)\)/,
    );
  });

  it('the JWKS step cites RFC 7517 and OpenID Connect Discovery', async () => {
    const run = await runScenario(scenario('obo-secret'));
    const jwks = run.steps.find((s) => s.tag.endsWith(':jwks') && s.kind === 'response');
    const labels = jwks?.narration.docs.map((d) => d.label).join(' ') ?? '';
    expect(labels).toContain('RFC 7517');
    expect(labels).toContain('OpenID Connect Discovery');
    expect(labels).not.toContain('RFC 6749');
  });
});
