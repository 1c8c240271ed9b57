// MSAL code export: each grant maps to the right call in each language, filled with the step's
// values; Node code type-checks against @azure/msal-node, Python code parses; no secret printed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureCertificateBase64 } from '../../engine/index';
import type { SimStep, SimulationRun } from '../../engine/index';
import { allRuns, type NamedRun } from './all-runs.test-support';
import { describeMsalCall } from './msal-call';
import { toMsalCode, type MsalLanguage } from './msal';

let runs: NamedRun[];
beforeAll(async () => {
  runs = await allRuns();
});

function runNamed(name: string): SimulationRun {
  const found = runs.find((r) => r.name === name)?.run;
  if (!found) throw new Error(`no run ${name}`);
  return found;
}

/** The first token request step of a run. */
function tokenStep(run: SimulationRun): SimStep {
  const step = run.steps.find((s) => s.kind === 'request' && /\/token$/.test(s.request.url));
  if (!step) throw new Error('no token request');
  return step;
}

const TENANT = 'https://login.microsoftonline.com/3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3';
const LANGUAGES: MsalLanguage[] = ['node', 'dotnet', 'python'];

/** Every token request step of every run, with its run. */
function tokenRequests(): { name: string; run: SimulationRun; step: SimStep }[] {
  return runs.flatMap(({ name, run }) =>
    run.steps
      .filter((step) => step.kind === 'request' && describeMsalCall(run, step))
      .map((step) => ({ name, run, step })),
  );
}

/** Diagnostics of JavaScript files checked against @azure/msal-node's types. */
function typeCheckJs(files: Record<string, string>): string[] {
  const dir = join(process.cwd(), 'node_modules', '.tmp', `msal-export-${String(process.pid)}`);
  mkdirSync(dir, { recursive: true });
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, `${name}.mjs`);
      writeFileSync(path, text);
      return path;
    });
    const program = ts.createProgram(paths, {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file?.fileName.split('/').pop() ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Python's own parser (`ast.parse`) on each source: `''` when it parses, else the error. */
function pythonSyntaxErrors(sources: string[]): string[] {
  const script = [
    'import ast, json, sys',
    'out = []',
    'for source in json.load(sys.stdin):',
    '    try:',
    '        ast.parse(source)',
    '        out.append("")',
    '    except SyntaxError as error:',
    '        out.append(repr(error))',
    'print(json.dumps(out))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

describe('describeMsalCall', () => {
  it('reads grant, client, authority, scopes and credential from the wire form', () => {
    expect(describeMsalCall(runNamed('cc-secret'), tokenStep(runNamed('cc-secret')))).toEqual({
      grant: 'client_credentials',
      clientId: expect.any(String) as string,
      authority: TENANT,
      scopes: ['api://orders/.default'],
      credential: { kind: 'secret', basic: false },
      pkce: false,
    });
    const basic = describeMsalCall(runNamed('cc-basic'), tokenStep(runNamed('cc-basic')));
    expect(basic?.credential).toEqual({ kind: 'secret', basic: true });
    expect(basic?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    // Thumbprints are digests of the daemon's certificate (DER), as the portal shows them.
    const der = Buffer.from(fixtureCertificateBase64('daemon-app'), 'base64');
    const digest = (algorithm: string): string =>
      createHash(algorithm).update(der).digest('hex').toUpperCase();
    const cert = describeMsalCall(
      runNamed('cc-certificate'),
      tokenStep(runNamed('cc-certificate')),
    );
    expect(cert?.credential).toEqual({
      kind: 'certificate',
      thumbprint: { algorithm: 'sha256', hex: digest('sha256') },
    });
    const legacy = runNamed('cc-certificate--legacy-rs256-x5t');
    expect(describeMsalCall(legacy, tokenStep(legacy))?.credential).toEqual({
      kind: 'certificate',
      thumbprint: { algorithm: 'sha1', hex: digest('sha1') },
    });
    const obo = runNamed('obo-secret');
    expect(describeMsalCall(obo, tokenStep(obo))).toMatchObject({
      grant: 'on_behalf_of',
      scopes: ['api://reports-api/Reports.Read'],
    });
    const v1 = runNamed('obo-v1');
    const v1Call = describeMsalCall(v1, tokenStep(v1));
    expect(v1Call?.grant).toBe('on_behalf_of');
    expect(v1Call?.scopes).toEqual([`${v1Call?.resource ?? '?'}/.default`]);
    const code = runNamed('oidc-sign-in');
    expect(describeMsalCall(code, tokenStep(code))).toMatchObject({
      grant: 'authorization_code',
      scopes: ['api://orders/Orders.Read'],
      redirectUri: expect.stringMatching(/^https:\/\//) as string,
      pkce: true,
    });
    const refresh = runNamed('refresh-token');
    const grants = refresh.steps
      .filter((s) => s.kind === 'request')
      .map((s) => describeMsalCall(refresh, s)?.grant)
      .filter(Boolean);
    expect(grants).toContain('refresh_token');
  });

  it('is null for steps with no MSAL equivalent', () => {
    const run = runNamed('full-chain');
    const others = run.steps.filter((s) => !/\/token$/.test(new URL(s.request.url).pathname));
    expect(others.length).toBeGreaterThan(5);
    for (const step of others)
      for (const l of LANGUAGES) expect(toMsalCode(run, step, l)).toBeNull();
    const saml = structuredClone(tokenStep(runNamed('obo-secret')));
    saml.request.body += '&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Asaml2';
    expect(describeMsalCall(runNamed('obo-secret'), saml)).toBeNull();
  });
});

describe('toMsalCode', () => {
  const calls: Record<string, Record<MsalLanguage, RegExp>> = {
    client_credentials: {
      node: /app\.acquireTokenByClientCredential\(\{ scopes: \["[^"]+"\] \}\)/,
      dotnet: /app\.AcquireTokenForClient\(scopes\)/,
      python: /app\.acquire_token_for_client\(scopes=\["[^"]+"\]\)/,
    },
    on_behalf_of: {
      node: /app\.acquireTokenOnBehalfOf\(\{ oboAssertion: incomingToken, scopes: \[/,
      dotnet: /app\.AcquireTokenOnBehalfOf\(scopes, new UserAssertion\(incomingToken\)\)/,
      python: /app\.acquire_token_on_behalf_of\(incoming_token, scopes=\[/,
    },
    authorization_code: {
      node: /app\.acquireTokenByCode\(\{ code, scopes: \[.*\], redirectUri: "https:.*", codeVerifier \}\)/,
      dotnet:
        /app\.AcquireTokenByAuthorizationCode\(scopes, code\)\s+\.WithPkceCodeVerifier\(codeVerifier\)/,
      python: /app\.acquire_token_by_auth_code_flow\(auth_code_flow, auth_response, scopes=\[/,
    },
    refresh_token: {
      node: /app\.acquireTokenByRefreshToken\(\{ refreshToken, scopes: \[/,
      dotnet: /\(\(IByRefreshToken\)app\)\.AcquireTokenByRefreshToken\(scopes, refreshToken\)/,
      python: /app\.acquire_token_by_refresh_token\(refresh_token, scopes=\[/,
    },
  };
  const apps: Record<MsalLanguage, RegExp> = {
    node: /new ConfidentialClientApplication\(\{\n {2}auth: \{\n {4}clientId: "(?<id>[^"]+)",\n {4}authority: "(?<authority>[^"]+)",/,
    dotnet:
      /ConfidentialClientApplicationBuilder\.Create\("(?<id>[^"]+)"\)\n {4}\.WithAuthority\("(?<authority>[^"]+)"\)/,
    python:
      /msal\.ConfidentialClientApplication\(\n {4}"(?<id>[^"]+)",\n {4}authority="(?<authority>[^"]+)",/,
  };

  it("maps each grant to its call in each language, with the step's client, tenant and scopes", () => {
    const seen = new Set<string>();
    for (const { name, run, step } of tokenRequests()) {
      const call = describeMsalCall(run, step);
      if (!call) continue;
      seen.add(call.grant);
      for (const language of LANGUAGES) {
        const code = toMsalCode(run, step, language) ?? '';
        expect(code, `${name} ${language}`).toMatch(calls[call.grant]?.[language] ?? /^$/);
        const app = apps[language].exec(code)?.groups;
        // The authority is the tenant the request went to (Contoso, or a customer's such as Fabrikam).
        const tenant = new URL(step.request.url).pathname.split('/')[1] ?? '';
        expect(app, `${name} ${language}`).toEqual({
          id: call.clientId,
          authority: `https://login.microsoftonline.com/${tenant}`,
        });
        for (const scope of call.scopes) expect(code).toContain(JSON.stringify(scope));
        const credential =
          call.credential.kind === 'secret'
            ? {
                node: 'clientSecret: process.env.CLIENT_SECRET',
                dotnet: '.WithClientSecret(Environment.GetEnvironmentVariable("CLIENT_SECRET"))',
                python: 'client_credential=os.environ["CLIENT_SECRET"]',
              }
            : {
                node: 'clientCertificate: {',
                dotnet: '.WithCertificate(new X509Certificate2(',
                python: '"private_key": open(os.environ["CLIENT_CERT_KEY_PATH"]).read()',
              };
        expect(code).toContain(credential[language]);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(calls).sort());
  });

  it('never prints a secret, an assertion, a code or a token of the request', () => {
    for (const { name, run, step } of tokenRequests()) {
      const form = new URLSearchParams(step.request.body ?? '');
      const secrets = [
        'client_secret',
        'client_assertion',
        'assertion',
        'code',
        'code_verifier',
        'refresh_token',
      ]
        .map((n) => form.get(n))
        .filter((v): v is string => !!v);
      const auth = step.request.headers['Authorization'];
      if (auth) secrets.push(auth.slice('Basic '.length));
      for (const language of LANGUAGES) {
        const code = toMsalCode(run, step, language) ?? '';
        for (const secret of secrets) expect(code, `${name} ${language}`).not.toContain(secret);
      }
    }
  });

  it('Node code type-checks against @azure/msal-node; a wrong call does not', () => {
    const files = Object.fromEntries(
      tokenRequests().map(({ name, run, step }, i) => [
        `${name}-${String(i)}`,
        toMsalCode(run, step, 'node') ?? '',
      ]),
    );
    expect(typeCheckJs(files)).toEqual([]);
    const first = Object.values(files)[0] ?? '';
    const wrong = first.replace('acquireTokenByClientCredential', 'acquireTokenForClient');
    expect(typeCheckJs({ wrong }).join('\n')).toMatch(/acquireTokenForClient/);
  }, 60000);

  it('Python code parses; a broken snippet does not', () => {
    const sources = tokenRequests().map(({ run, step }) => toMsalCode(run, step, 'python') ?? '');
    const errors = pythonSyntaxErrors([...sources, 'app = msal.ConfidentialClientApplication(\n']);
    expect(errors.slice(0, -1)).toEqual(sources.map(() => ''));
    expect(errors.at(-1)).toMatch(/SyntaxError/);
  });
});
