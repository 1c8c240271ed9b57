// HAR replay: the two sample HARs parsed into runs, and every malformed-file class refused clearly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { importHar, readHar, MAX_HAR_CHARACTERS } from './index';

const sample = (name: string): string =>
  readFileSync(new URL(`../../../public/samples/${name}`, import.meta.url), 'utf8');

async function replay(name: string, showSecrets = false): Promise<SimulationRun> {
  const result = await importHar(sample(name), name, engine);
  if (!result.ok) throw new Error(result.problem.message);
  return result.input.render({ names: {}, showSecrets, scenarioId: 'obo-secret' });
}

const labels = (run: SimulationRun): string[] =>
  run.steps.map((s) => `${s.from}>${s.to} ${s.label}`);

describe('the sign-in sample (authorization code + PKCE)', () => {
  it('recognises discovery, authorize, sign-in, reply, code redemption, JWKS and a Graph call', async () => {
    const run = await replay('sample-sign-in-auth-code.har');
    const requests = run.steps.filter((s) => s.kind === 'request');
    expect(requests.map((s) => s.tag)).toEqual([
      'har.discovery',
      'har.authorize',
      'har.sign-in',
      'har.reply',
      'har.token',
      'har.jwks',
      'har.graph',
    ]);
    expect(run.steps).toHaveLength(14);
    expect(requests[1]?.narration.title).toBe('Authorization request (v2.0 endpoint)');
    expect(requests[1]?.narration.text).toContain('PKCE (S256)');
    expect(requests[4]?.label).toMatch(/oauth2\/v2\.0\/token \(code redemption\)$/);
    expect(requests[4]?.narration.docs.map((d) => d.url)).toContain(engine.DOCS.authCode.url);
    // The script file of the app is not part of the identity story.
    expect(labels(run).join('\n')).not.toContain('app.js');
  });

  it('infers the parties from the hosts: the browser, the app at its reply URL, Entra ID, Graph', async () => {
    const run = await replay('sample-sign-in-auth-code.har');
    expect(run.parties.map((p) => [p.id, p.kind, p.label])).toEqual([
      ['capturer', 'browser', 'Browser'],
      ['authority', 'authority', 'Microsoft Entra ID'],
      ['host:localhost', 'web-app', 'App at localhost'],
      ['graph', 'api', 'Microsoft Graph'],
    ]);
    const redirect = run.steps.find((s) => s.kind === 'response' && s.outcome === 'redirect');
    expect(redirect?.narration.title).toBe('Redirect back to the app');
  });

  it('decodes every JWT with the claim explanations, and says it cannot verify the sample key', async () => {
    const run = await replay('sample-sign-in-auth-code.har');
    const tokens = Object.values(run.tokens);
    expect(tokens.map((t) => t.kind).sort()).toEqual(['access_token', 'id_token']);
    const access = tokens.find((t) => t.kind === 'access_token');
    expect(access?.version).toBe('1.0');
    expect(access?.claims.find((c) => c.name === 'aud')?.explanation).toMatch(/^Audience/);
    expect(access?.signature.status).toBe('unknown-key');
    expect(run.tokenSightings.some((s) => s.place.in === 'header')).toBe(true);
    expect(
      run.tokenSightings.some((s) => s.place.in === 'json' && s.place.name === 'id_token'),
    ).toBe(true);
  });

  it('masks the password, the code, the verifier, the refresh token and cookies until asked', async () => {
    const masked = JSON.stringify((await replay('sample-sign-in-auth-code.har')).steps);
    for (const secret of [
      'SAMPLE-password-never-real',
      'SAMPLE-authorization-code-not-valid-anywhere',
      'ThisIsntRandomButItNeedsToBe43CharactersLong',
      'SAMPLE-refresh-token-opaque-to-the-app-not-valid-anywhere',
      'SAMPLE-session-cookie',
      'SAMPLE-flow-token',
    ]) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain('redacted');
    const clear = JSON.stringify((await replay('sample-sign-in-auth-code.har', true)).steps);
    expect(clear).toContain('SAMPLE-password-never-real');
    expect(clear).not.toContain('redacted');
  });
});

describe('the OBO and client credentials sample', () => {
  it('routes the OBO exchange from the middle tier that received token A, nested in the call to it', async () => {
    const run = await replay('sample-obo-client-credentials.har');
    expect(labels(run).slice(0, 6)).toEqual([
      'capturer>host:api-a.contoso.example GET /todos (bearer token)',
      'host:api-a.contoso.example>authority POST /aaaabbbb-0000-cccc-1111-dddd2222eeee/oauth2/v2.0/token (on-behalf-of)',
      'authority>host:api-a.contoso.example 200 OK',
      'host:api-a.contoso.example>graph GET /v1.0/me (Microsoft Graph)',
      'graph>host:api-a.contoso.example 200 OK',
      'host:api-a.contoso.example>capturer 200 OK',
    ]);
    expect(run.parties.find((p) => p.id === 'host:api-a.contoso.example')?.kind).toBe(
      'middle-tier-api',
    );
    const obo = run.steps[1];
    expect(obo?.narration.title).toMatch(/^On-Behalf-Of/);
    expect(obo?.narration.docs[0]?.url).toBe(engine.DOCS.obo.url);
  });

  it('explains the AADSTS error from the catalogue and marks the step that decided it', async () => {
    const run = await replay('sample-obo-client-credentials.har');
    const failed = run.steps.find((s) => s.outcome === 'error');
    expect(failed?.error?.code).toBe(7000215);
    expect(failed?.error?.title).toBe('Invalid client secret');
    expect(failed?.narration.title).toBe('AADSTS7000215');
    expect(run.result.ok).toBe(false);
    expect(run.result.failedStep).toBe(failed?.index);
    expect(run.result.summary).toContain('Invalid client secret');
    const appOnly = Object.values(run.tokens).find((t) => t.claims.some((c) => c.name === 'roles'));
    expect(appOnly?.summary).toMatch(/app-only/);
    expect(JSON.stringify(run.steps)).not.toContain('sampleCredentia1s');
  });

  it('masks every cookie of repeated Set-Cookie headers and Basic credentials', async () => {
    const har = JSON.parse(sample('sample-obo-client-credentials.har')) as {
      log: {
        entries: {
          request: { headers: { name: string; value: string }[] };
          response: { headers: { name: string; value: string }[] };
        }[];
      };
    };
    const first = har.log.entries[3];
    if (!first) throw new Error('the sample changed');
    first.request.headers.push({ name: 'Authorization', value: 'Basic c2VjcmV0LWlkOnNlY3JldA==' });
    first.response.headers.push(
      { name: 'Set-Cookie', value: 'fpc=first-cookie-value; path=/' },
      { name: 'Set-Cookie', value: 'x-ms-gateway-slice=second-cookie-value; path=/' },
    );
    const result = await importHar(JSON.stringify(har), 'x.har', engine);
    if (!result.ok) throw new Error(result.problem.message);
    const masked = JSON.stringify(
      result.input.render({ names: {}, showSecrets: false, scenarioId: 'obo-secret' }).steps,
    );
    expect(masked).not.toContain('first-cookie-value');
    expect(masked).not.toContain('second-cookie-value');
    expect(masked).not.toContain('c2VjcmV0LWlkOnNlY3JldA==');
  });

  it('uses the names the person gives the parties', async () => {
    const result = await importHar(sample('sample-obo-client-credentials.har'), 'x.har', engine);
    if (!result.ok) throw new Error(result.problem.message);
    const run = result.input.render({
      names: { 'host:api-a.contoso.example': 'Todo API' },
      showSecrets: false,
      scenarioId: 'obo-secret',
    });
    expect(run.parties.find((p) => p.id === 'host:api-a.contoso.example')?.label).toBe('Todo API');
  });
});

describe('malformed files', () => {
  const problem = async (text: string) => {
    const result = await importHar(text, 'bad.har', engine);
    return result.ok ? null : result.problem;
  };
  const minimal = (entries: unknown[]) =>
    JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });

  it('refuses an empty file and text that is not JSON', async () => {
    expect((await problem('   '))?.kind).toBe('empty');
    const notJson = await problem('<html>not a HAR</html>');
    expect(notJson?.kind).toBe('not-json');
    expect(notJson?.message).toMatch(/a HAR is JSON/);
  });

  it('says a file cut short is truncated', async () => {
    const text = sample('sample-sign-in-auth-code.har');
    for (const cut of [text.length - 10, Math.floor(text.length / 2), 40]) {
      expect((await problem(text.slice(0, cut)))?.kind).toBe('truncated');
    }
  });

  it('names what breaks HAR 1.2 (zod), and a wrong version', async () => {
    const notHar = await problem(JSON.stringify({ hello: 'world' }));
    expect(notHar?.kind).toBe('not-har');
    expect(notHar?.message).toContain('log');
    const badEntry = await problem(minimal([{ startedDateTime: 'x', request: {} }]));
    expect(badEntry?.message).toMatch(/log\.entries\[0\]/);
    const v3 = JSON.parse(minimal([])) as { log: { version: string } };
    v3.log.version = '3.0';
    expect((await problem(JSON.stringify(v3)))?.kind).toBe('unsupported-version');
    expect((await problem(minimal([])))?.kind).toBe('no-entries');
  });

  it('says a HAR without identity traffic has nothing to replay', async () => {
    const har = JSON.parse(sample('sample-sign-in-auth-code.har')) as {
      log: { entries: { request: { url: string } }[] };
    };
    har.log.entries = har.log.entries.filter((e) => e.request.url.endsWith('app.js'));
    const none = await problem(JSON.stringify(har));
    expect(none?.kind).toBe('no-identity');
    expect(none?.message).toMatch(/none to the Microsoft identity platform/);
  });

  it('refuses a huge file before parsing it', () => {
    const result = readHar(' '.repeat(MAX_HAR_CHARACTERS) + '{}');
    expect(result.ok ? null : result.problem.kind).toBe('too-large');
  });
});
