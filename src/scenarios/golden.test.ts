// Golden traces: every scenario x variant produces exactly the recorded messages, and its documented branch.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRawRequest, formatRawResponse, runScenario } from '../engine/index';
import type { SimulationRun, TraceEvent } from '../engine/index';
import { SCENARIOS } from './index';

const GOLDEN_DIR = fileURLToPath(new URL('./__golden__/', import.meta.url));
/** `GOLDEN_UPDATE=1` (npm run golden:update) writes goldens; otherwise they are only compared. */
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Event fields that are prose for people, not data: a wording change must not rewrite goldens. */
const PROSE_FIELDS = new Set(['detail', 'setBy', 'rule', 'source']);

/** Replaces the randomised part of a PS256 signature (RFC 8017 PSS salt) so traces compare. */
function normaliseJwt(jwt: string): string {
  return decodeJwtPart(jwt, 0)?.alg === 'PS256'
    ? jwt.replace(/\.[A-Za-z0-9_-]*$/, '.<PS256-signature>')
    : jwt;
}

function normalise(text: string): string {
  return text.replace(JWT, normaliseJwt);
}

function decodeJwtPart(jwt: string, part: 0 | 1): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(
      Buffer.from(jwt.split('.')[part] ?? '', 'base64url').toString(),
    );
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** First 16 hex digits of the SHA-256 of the (normalised) compact JWT: any change to it shows. */
function jwtHash(jwt: string): string {
  return createHash('sha256').update(normaliseJwt(jwt)).digest('hex').slice(0, 16);
}

/**
 * One trace as text: wire messages with each JWT abbreviated to `<jwt hash>` and decoded below
 * the message the first time it appears (header on one line, one line per claim), structured
 * events without prose, and error steps as AADSTS code + failing check.
 */
function traceText(run: SimulationRun): string {
  const seen = new Map<string, string>();
  const lines = [
    `# ${run.scenarioId} [${run.variants.join(', ') || 'base'}] seed=${run.seed}`,
    `result: ${run.result.ok ? 'ok' : 'failed'}${run.pendingPrompt ? ` pending=${run.pendingPrompt.prompt}` : ''}`,
  ];
  const withJwts = (where: string, text: string) => {
    const decoded: string[] = [];
    const abbreviated = text.replace(JWT, (jwt) => {
      const hash = jwtHash(jwt);
      const kind = run.tokens[jwt]?.kind ?? 'jwt';
      const header = decodeJwtPart(jwt, 0);
      const payload = decodeJwtPart(jwt, 1);
      if (!header || !payload) return jwt;
      const first = seen.get(hash);
      if (first) {
        if (first !== where) decoded.push(`jwt ${hash} ${kind}: as in ${first}`);
      } else {
        seen.set(hash, where);
        decoded.push(`jwt ${hash} ${kind} header: ${JSON.stringify(header)}`);
        for (const [name, value] of Object.entries(payload)) {
          decoded.push(`  claim ${name} = ${JSON.stringify(value)}`);
        }
      }
      return `<jwt ${hash}>`;
    });
    return [abbreviated, ...new Set(decoded)];
  };
  run.startingFacts.forEach((fact, i) => {
    lines.push(`fact ${i + 1}: held by ${fact.holder}`, ...withJwts(`fact ${i + 1}`, fact.token));
  });
  for (const step of run.steps) {
    lines.push(
      `\n## ${step.index + 1}. ${step.from} -> ${step.to} @${step.time} [${step.tag}] ${step.label}`,
    );
    const raw =
      step.kind === 'request'
        ? formatRawRequest(step.request)
        : formatRawResponse(step.response ?? { status: 0, statusText: '', headers: {}, body: '' });
    lines.push(...withJwts(`step ${step.index + 1}`, raw));
    for (const event of step.events) lines.push(`event: ${eventText(event)}`);
    if (step.error) lines.push(`error-card: ${errorCardText(step)}`);
  }
  return normalise(lines.join('\n')) + '\n';
}

function eventText(event: TraceEvent): string {
  return JSON.stringify(event, (key, value: unknown) =>
    PROSE_FIELDS.has(key) ? undefined : value,
  );
}

/** The card as data: AADSTS code, OAuth error and the check that failed at this step, no title. */
function errorCardText(step: SimulationRun['steps'][number]): string {
  // The failed check of the endpoint that answered (authority.checks, or an API's checks).
  const failed = step.events.flatMap((e) => {
    const failure = 'failed' in e ? (e.failed as { check?: string } | undefined) : undefined;
    return failure?.check ? [failure.check] : [];
  });
  const rejected = step.events.flatMap((e) =>
    (e.type === 'token.validated' || e.type === 'client.check') && !e.ok
      ? [e.type === 'token.validated' ? (e.reason ?? e.type) : e.type]
      : [],
  );
  const parts = [
    `code=${step.error?.code ?? '-'}`,
    ...(step.error?.error ? [`error=${step.error.error}`] : []),
    `check=${[...failed, ...rejected].join(',') || '-'}`,
  ];
  return parts.join(' ');
}

/** Compares `actual` with the golden file `name`, or writes it when GOLDEN_UPDATE=1. */
function expectGolden(name: string, actual: string): void {
  const file = `${GOLDEN_DIR}${name}.txt`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `missing golden: run npm run golden:update (src/scenarios/__golden__/${name}.txt)`,
    );
  }
  expect(actual, `golden ${name}.txt differs (npm run golden:update to accept)`).toBe(
    readFileSync(file, 'utf8'),
  );
}

/**
 * The AADSTS code as it travelled: a token-endpoint JSON body (`error_codes` and the
 * `AADSTSnnnn:` prefix), an authorize error page, or an error redirect's `error_description`.
 */
function wireCode(step: SimulationRun['steps'][number] | undefined): number | undefined {
  const response = step?.response;
  if (!response) return undefined;
  if (response.headers['Content-Type']?.startsWith('application/json')) {
    const body = JSON.parse(response.body) as {
      error_codes?: number[];
      error_description?: string;
    };
    const code = body.error_codes?.[0];
    return body.error_description?.startsWith(`AADSTS${code}: `) ? code : undefined;
  }
  const location = response.headers.Location;
  // An error redirect carries error_description in the query, or in the fragment (response_mode=fragment).
  const text = location
    ? (new URL(location).searchParams.get('error_description') ??
      new URLSearchParams(new URL(location).hash.slice(1)).get('error_description') ??
      '')
    : response.body;
  const match = /AADSTS(\d+): /.exec(text);
  return match ? Number(match[1]) : undefined;
}

const cases = SCENARIOS.flatMap((scenario) => [
  { scenario, variant: undefined as string | undefined },
  ...scenario.variants.map((v) => ({ scenario, variant: v.id as string | undefined })),
]);

describe('golden traces', () => {
  const names = cases.map((c) => `${c.scenario.id}${c.variant ? `--${c.variant}` : ''}`);

  it.each(cases.map((c, i) => [names[i] ?? '', c] as const))('%s', async (name, c) => {
    const run = await runScenario(c.scenario, {
      variants: c.variant ? [c.variant] : [],
      seed: 7,
      decisions: 'script',
    });
    expectGolden(name, traceText(run));
  });

  it('has no golden file without its scenario x variant', () => {
    const expected = new Set(names.map((name) => `${name}.txt`));
    const orphans = readdirSync(GOLDEN_DIR).filter((file) => !expected.has(file));
    if (UPDATE) {
      for (const file of orphans) rmSync(`${GOLDEN_DIR}${file}`);
      return;
    }
    expect(orphans, 'orphan goldens: run npm run golden:update to remove them').toEqual([]);
  });
});

describe('each what-if takes its documented branch', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: the base flow succeeds end to end`, async () => {
      const run = await runScenario(scenario, { decisions: 'script' });
      expect(run.result.ok).toBe(true);
      expect(run.steps.at(-1)?.response?.status).toBe(200);
      expect(run.pendingPrompt).toBeUndefined();
    });
    for (const variant of scenario.variants) {
      it(`${scenario.id} + ${variant.id}`, async () => {
        const run = await runScenario(scenario, { variants: [variant.id], decisions: 'script' });
        expect(run.pendingPrompt).toBeUndefined();
        if ('clientError' in variant.expect) {
          expect(run.steps.find((s) => s.error)?.error?.title).toBe(variant.expect.clientError);
        }
        if ('code' in variant.expect) {
          // The authority's last error: an earlier one may have been recovered from (a claims challenge).
          const authority = run.parties.find((p) => p.kind === 'authority')?.id;
          const failing = run.steps.findLast(
            (s) => s.from === authority && s.error?.code !== undefined,
          );
          expect(failing?.error?.code).toBe(variant.expect.code);
          expect(wireCode(failing)).toBe(variant.expect.code);
        }
        if (variant.expect.httpStatusAtClient !== undefined) {
          const last = run.steps.at(-1);
          expect(last?.to).toBe(scenario.starter);
          expect(last?.response?.status).toBe(variant.expect.httpStatusAtClient);
        }
      });
    }
  }
});

describe('determinism', () => {
  it('the same scenario, variants and seed give the same trace', async () => {
    for (const scenario of SCENARIOS) {
      const variants = scenario.variants.slice(0, 1).map((v) => v.id);
      const a = await runScenario(scenario, { variants, seed: 42, decisions: 'script' });
      const b = await runScenario(scenario, { variants, seed: 42, decisions: 'script' });
      expect(traceText(a)).toBe(traceText(b));
      expect(Object.keys(a.tokens).map(normalise)).toEqual(Object.keys(b.tokens).map(normalise));
    }
  });

  it('a different seed changes ids but not the flow', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'obo-secret');
    if (!scenario) throw new Error('obo-secret missing');
    const a = await runScenario(scenario, { seed: 1 });
    const b = await runScenario(scenario, { seed: 2 });
    expect(a.steps.map((s) => s.label)).toEqual(b.steps.map((s) => s.label));
    expect(traceText(a)).not.toBe(traceText(b));
  });
});

describe('OBO token A and token B', () => {
  it('token B keeps the user, changes the audience and the client, and carries scopes only', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'obo-secret');
    if (!scenario) throw new Error('obo-secret missing');
    const run = await runScenario(scenario);
    const oboResponse = run.steps.find((s) => s.tag === 'obo' && s.kind === 'response');
    const tokenB = (JSON.parse(oboResponse?.response?.body ?? '{}') as { access_token: string })
      .access_token;
    const tokenA = run.startingFacts[0]?.token ?? '';
    const claims = (t: string) =>
      Object.fromEntries((run.tokens[t]?.claims ?? []).map((c) => [c.name, c.value]));
    const a = claims(tokenA);
    const b = claims(tokenB);
    expect(a.aud).toBe('5e2d8c4b-7a1f-4e3d-b6c9-8f0a1e2d3c4b');
    expect(b.aud).toBe('a4b3c2d1-e5f6-4a7b-8c9d-0e1f2a3b4c5e');
    expect(b.oid).toBe(a.oid);
    expect(b.azp).toBe(a.aud);
    expect(b.scp).toBe('Reports.Read');
    expect(b.roles).toBeUndefined();
    expect(run.tokens[tokenB]?.signature.status).toBe('valid');
    expect(run.tokens[tokenB]?.version).toBe('2.0');
  });

  it('the v1 endpoint yields a v1.0 token B whose aud is the App ID URI asked for', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'obo-v1');
    if (!scenario) throw new Error('obo-v1 missing');
    const run = await runScenario(scenario);
    const oboResponse = run.steps.find((s) => s.tag === 'obo' && s.kind === 'response');
    const body = JSON.parse(oboResponse?.response?.body ?? '{}') as Record<string, unknown>;
    expect(typeof body.expires_in).toBe('string');
    expect(body.resource).toBe('api://reports-api');
    const b = Object.fromEntries(
      (run.tokens[body.access_token as string]?.claims ?? []).map((c) => [c.name, c.value]),
    );
    expect(b.ver).toBe('1.0');
    expect(b.aud).toBe('api://reports-api');
    expect(b.iss).toBe('https://sts.windows.net/3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3/');
    expect(b.appid).toBe('5e2d8c4b-7a1f-4e3d-b6c9-8f0a1e2d3c4b');
  });

  it('the MFA what-if relays a claims challenge to the client as 401 + WWW-Authenticate', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'obo-secret');
    if (!scenario) throw new Error('obo-secret missing');
    const run = await runScenario(scenario, { variants: ['downstream-requires-mfa'] });
    const last = run.steps.at(-1);
    const header = last?.response?.headers['WWW-Authenticate'] ?? '';
    expect(header).toContain('error="insufficient_claims"');
    const encoded = /claims="([^"]+)"/.exec(header)?.[1] ?? '';
    const claims = JSON.parse(Buffer.from(encoded, 'base64').toString()) as {
      access_token: { capolids: { values: string[] } };
    };
    expect(claims.access_token.capolids.values).toHaveLength(1);
  });
});

describe('OBO: the user must register for MFA (AADSTS50079)', () => {
  it.each(['obo-secret', 'obo-certificate', 'obo-v1'])(
    '%s: the documented 50079 body is relayed like 50076, as 401 + WWW-Authenticate with the claims',
    async (id) => {
      const scenario = SCENARIOS.find((s) => s.id === id);
      if (!scenario) throw new Error(`${id} missing`);
      const run = await runScenario(scenario, { variants: ['user-must-register-mfa'] });
      const oboResponse = run.steps.find((s) => s.tag === 'obo' && s.kind === 'response');
      const body = JSON.parse(oboResponse?.response?.body ?? '{}') as Record<string, unknown>;
      expect(body.error).toBe('interaction_required');
      expect(body.error_codes).toEqual([50079]);
      expect(body).not.toHaveProperty('suberror');
      const polids = { essential: true, values: ['8d3c1f2e-5b4a-4c6d-9e7f-0a1b2c3d4e5f'] };
      expect(JSON.parse(String(body.claims))).toEqual({ access_token: { polids } });
      const last = run.steps.at(-1);
      expect(last?.response?.status).toBe(401);
      const header = last?.response?.headers['WWW-Authenticate'] ?? '';
      expect(header).toContain('error="insufficient_claims"');
      const encoded = /claims="([^"]+)"/.exec(header)?.[1] ?? '';
      expect(Buffer.from(encoded, 'base64').toString()).toBe(body.claims);
    },
  );
});

describe('error cards', () => {
  it('never show unfilled {placeholders}', async () => {
    for (const scenario of SCENARIOS) {
      for (const variant of scenario.variants) {
        const run = await runScenario(scenario, { variants: [variant.id], decisions: 'script' });
        for (const step of run.steps) {
          if (!step.error) continue;
          expect(
            `${step.error.why} ${step.error.fix}`,
            `${scenario.id}+${variant.id} step ${step.index + 1}`,
          ).not.toMatch(/\{[a-zA-Z]+\}/);
        }
      }
    }
  });
});

describe('token inspection of sign-in flows', () => {
  it('labels ID tokens from /authorize and /token, and verifies their signatures', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'refresh-token');
    if (!scenario) throw new Error('refresh-token missing');
    const run = await runScenario(scenario, { decisions: 'script' });
    const idTokens = Object.values(run.tokens).filter((t) => t.kind === 'id_token');
    expect(idTokens.length).toBeGreaterThanOrEqual(1);
    for (const t of idTokens) {
      expect(t.signature.status).toBe('valid');
      expect(t.summary).toContain('ID token for Contoso Todo web app');
    }
  });
});

describe('step outcomes and narration follow errors', () => {
  it('an error page served with 200 and an error redirect are error steps with the error narration', async () => {
    const chain = SCENARIOS.find((s) => s.id === 'full-chain');
    if (!chain) throw new Error('full-chain missing');
    const adminOnly = await runScenario(chain, {
      variants: ['admin-only-permission'],
      decisions: 'script',
    });
    const page = adminOnly.steps.find((s) => s.error?.code === 90094);
    expect(page?.response?.status).toBe(200);
    expect(page?.outcome).toBe('error');
    const cancelled = await runScenario(chain, {
      variants: ['user-cancels-consent'],
      decisions: 'script',
    });
    const redirect = cancelled.steps.find(
      (s) => s.error?.code === 65004 && s.response?.status === 302,
    );
    expect(redirect?.outcome).toBe('error');
    expect(redirect?.narration.title).toBe('Ada declined');
  });
});
