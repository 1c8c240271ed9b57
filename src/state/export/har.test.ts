// HAR export: valid against the HAR 1.2 JSON schema (har-schema) for every run, redacted or not;
// entries pair requests with their responses; redaction leaves no secret behind.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { harValidator } from './har.test-helpers';
import type { Har } from 'har-format';
import type { SimulationRun } from '../../engine/index';
import { allRuns, type NamedRun } from './all-runs.test-support';
import { toHar } from './har';
import { REDACTION_MARKER } from './redact';

let validate: ValidateFunction;
let runs: NamedRun[];

beforeAll(async () => {
  validate = harValidator();
  runs = await allRuns();
});

function expectValid(har: unknown, name: string): void {
  const ok = validate(har);
  expect(ok ? [] : validate.errors, name).toEqual([]);
}

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const SECRET_NAMES = new Set([
  'client_secret',
  'client_assertion',
  'assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'id_token',
]);

/** Secrets read from an unredacted HAR, independently of the exporter's own list. */
function secretsOf(har: Har): Set<string> {
  const found = new Set<string>();
  for (const { request, response } of har.log.entries) {
    const params = [...request.queryString, ...(request.postData?.params ?? [])];
    for (const param of params) if (SECRET_NAMES.has(param.name)) found.add(param.value ?? '');
    if (response.redirectURL) {
      const location = new URL(response.redirectURL);
      for (const [name, value] of location.searchParams)
        if (SECRET_NAMES.has(name)) found.add(value);
    }
    for (const h of request.headers)
      if (h.name.toLowerCase() === 'authorization') found.add(h.value.split(' ')[1] ?? h.value);
    for (const cookie of [...request.cookies, ...response.cookies]) found.add(cookie.value);
    if (response.content.mimeType.startsWith('application/json') && response.content.text) {
      const body = JSON.parse(response.content.text) as Record<string, unknown>;
      for (const name of ['access_token', 'id_token', 'refresh_token'])
        if (typeof body[name] === 'string') found.add(body[name]);
    }
  }
  for (const text of strings(har)) {
    for (const jwt of text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g) ?? []) found.add(jwt);
  }
  found.delete('');
  return found;
}

/** Where `secret` still shows in `har`, raw or percent-encoded. */
function leaks(har: Har, secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
  return strings(har).filter((text) => forms.some((form) => text.includes(form)));
}

describe('toHar', () => {
  it('the validator rejects what HAR 1.2 does not allow', () => {
    const run = runs[0]?.run;
    if (!run) throw new Error('no runs');
    const har = toHar(run, { redact: false });
    expectValid(har, 'as exported');
    const broken = structuredClone(har);
    const [entry] = broken.log.entries;
    if (!entry) throw new Error('no entries');
    entry.startedDateTime = 'yesterday';
    entry.time = -5;
    delete (entry.response as Partial<typeof entry.response>).redirectURL;
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toContain('/log/entries/0/startedDateTime');
    expect(paths).toContain('/log/entries/0/time');
    expect(paths).toContain('/log/entries/0/response');
  });

  it('validates against the HAR 1.2 schema for every scenario and what-if, redacted or not', () => {
    for (const { name, run } of runs) {
      expectValid(toHar(run, { redact: false }), name);
      expectValid(toHar(run, { redact: true }), `${name} (redacted)`);
    }
  });

  it('has one entry per exchange, request with its own response, times from the simulated clock', () => {
    for (const { name, run } of runs) {
      const har = toHar(run, { redact: false, creatorVersion: '1.2.3' });
      expect(har.log.version).toBe('1.2');
      expect(har.log.creator).toEqual({ name: 'OAuth Flow Simulator', version: '1.2.3' });
      expect(har.log.pages?.[0]?.title).toContain(run.title);
      const requests = run.steps.filter((step) => step.kind === 'request');
      expect(har.log.entries, name).toHaveLength(requests.length);
      har.log.entries.forEach((entry, i) => {
        const request = requests[i];
        const steps = entry['_steps'] as number[];
        const response = run.steps[steps[1] ?? -1];
        if (!request || !response?.response)
          throw new Error(`${name}: entry ${String(i)} unpaired`);
        expect(response.exchange).toBe(request.exchange);
        expect(entry.request.url).toBe(request.request.url);
        expect(entry.request.postData?.text).toBe(request.request.body);
        expect(entry.response.status).toBe(response.response.status);
        expect(entry.response.content.text).toBe(response.response.body);
        expect(entry.startedDateTime).toBe(new Date(request.time * 1000).toISOString());
        expect(entry.time).toBe((response.time - request.time) * 1000);
        const { send, wait, receive } = entry.timings;
        expect((send ?? 0) + wait + receive).toBe(entry.time);
      });
    }
  });

  it('a redacted HAR holds none of the secrets of the unredacted one, and keeps the rest', () => {
    for (const { name, run } of runs) {
      const plain = toHar(run, { redact: false });
      const redacted = toHar(run, { redact: true });
      const secrets = secretsOf(plain);
      // A run stopped before any token request or token (e.g. an error page at the admin consent
      // endpoint) carries no secret; every other run does.
      const carriesSecrets = plain.log.entries.some(
        (e) => /\/token$/.test(new URL(e.request.url).pathname) || /eyJ/.test(JSON.stringify(e)),
      );
      if (carriesSecrets) expect(secrets.size, name).toBeGreaterThan(0);
      for (const secret of secrets)
        expect(leaks(redacted, secret), `${name}: ${secret}`).toEqual([]);
      if (carriesSecrets)
        expect(strings(redacted).some((text) => text.includes(REDACTION_MARKER))).toBe(true);
      const clientIds = plain.log.entries.flatMap((e) =>
        (e.request.postData?.params ?? []).filter((p) => p.name === 'client_id'),
      );
      for (const id of clientIds) expect(JSON.stringify(redacted)).toContain(id.value);
    }
  });

  it('any client secret and any access token are redacted wherever they travel', async () => {
    const base = runs.find((r) => r.name === 'cc-secret')?.run;
    if (!base) throw new Error('cc-secret is missing');
    const secret = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 24 })
      .map((s) => `sEcReT${s}`);
    fc.assert(
      fc.property(secret, secret, (clientSecret, accessToken) => {
        const run: SimulationRun = structuredClone(base);
        for (const step of run.steps) {
          const form = new URLSearchParams(step.request.body ?? '');
          if (form.has('client_secret')) {
            form.set('client_secret', clientSecret);
            step.request = { ...step.request, body: form.toString() };
          }
          const token = step.response && /"access_token"/.test(step.response.body);
          if (step.response && token) {
            const body = JSON.parse(step.response.body) as Record<string, unknown>;
            const old = String(body['access_token']);
            body['access_token'] = accessToken;
            step.response = { ...step.response, body: JSON.stringify(body) };
            // The API call that follows carries the same token as its bearer credential.
            for (const later of run.steps) {
              const auth = later.request.headers['Authorization'];
              if (auth === `Bearer ${old}`)
                later.request = {
                  ...later.request,
                  headers: { ...later.request.headers, Authorization: `Bearer ${accessToken}` },
                };
            }
          }
        }
        const redacted = toHar(run, { redact: true });
        expect(leaks(redacted, clientSecret)).toEqual([]);
        expect(leaks(redacted, accessToken)).toEqual([]);
        expectValid(redacted, 'property');
      }),
      { numRuns: 200 },
    );
  });
});
