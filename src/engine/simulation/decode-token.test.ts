// Decoding a pasted JWT: every malformed shape gets its typed error, simulator tokens verify, foreign ones cannot offline.
import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFixtureKey, signJwt } from '../crypto';
import type { TokenInspection } from '../model/trace';
import { runScenario } from './run';
import { getScenario } from '../../scenarios/index';
import {
  CANNOT_VERIFY_OFFLINE,
  inspectToken,
  isTokenDecodeError,
  normaliseTokenText,
  type TokenDecodeError,
} from './decode-token';

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const HEADER = b64url('{"alg":"RS256","typ":"JWT"}');
const PAYLOAD = b64url('{"aud":"api://orders","scp":"Orders.Read"}');

async function expectError(text: string): Promise<TokenDecodeError> {
  const result = await inspectToken(text);
  if (!isTokenDecodeError(result)) throw new Error(`decoded: ${result.summary}`);
  return result;
}

async function expectInspection(text: string): Promise<TokenInspection> {
  const result = await inspectToken(text);
  if (isTokenDecodeError(result)) throw new Error(result.message);
  return result;
}

const DELEGATED_V2 = {
  aud: 'api://orders',
  iss: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0',
  iat: 1_700_000_000,
  nbf: 1_700_000_000,
  exp: 1_700_003_600,
  azp: '11111111-1111-1111-1111-111111111111',
  name: 'Ada',
  scp: 'Orders.Read',
  ver: '2.0',
};

describe('inspectToken: malformed input', () => {
  it('asks for a token when the text is empty or blank', async () => {
    expect((await expectError('  \n ')).error).toBe('empty');
  });

  it('names the part count when there are not three parts', async () => {
    const error = await expectError('abc.def');
    expect(error).toMatchObject({ error: 'wrong-part-count' });
    expect(error.message).toContain('3 dot-separated parts');
    expect(error.message).toContain('this has 2');
  });

  it('refuses a JWE (5 parts)', async () => {
    const error = await expectError('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d');
    expect(error.error).toBe('jwe-not-supported');
    expect(error.message).toMatch(/encrypted token \(JWE\)/);
  });

  it('names the part that is not base64url, and the character', async () => {
    const error = await expectError(`${HEADER}.${PAYLOAD.slice(0, 4)}*${PAYLOAD.slice(5)}.c2ln`);
    expect(error).toMatchObject({ error: 'not-base64url', part: 2 });
    expect(error.message).toContain('Part 2 (payload) is not base64url: character 5 is "*"');
  });

  it('names a part whose length cannot be base64url', async () => {
    const error = await expectError(`${HEADER}.${PAYLOAD}.abcde`);
    expect(error).toMatchObject({ error: 'not-base64url', part: 3 });
    expect(error.message).toContain('Part 3 (signature)');
  });

  it('names a header that is not JSON', async () => {
    const error = await expectError(`${b64url('{alg:RS256}')}.${PAYLOAD}.c2ln`);
    expect(error).toMatchObject({ error: 'not-json', part: 1 });
    expect(error.message).toMatch(/^Part 1 \(header\) is not JSON: /);
  });

  it('names a payload that is JSON but not an object', async () => {
    const error = await expectError(`${HEADER}.${b64url('[1,2]')}.c2ln`);
    expect(error).toMatchObject({ error: 'not-object', part: 2 });
    expect(error.message).toBe('Part 2 (payload) is JSON but not a JSON object (it is an array).');
  });

  it('names a part that does not decode to UTF-8', async () => {
    const error = await expectError(
      `${Buffer.from([0xff, 0xfe]).toString('base64url')}.${PAYLOAD}.c2ln`,
    );
    expect(error).toMatchObject({ error: 'not-utf8', part: 1 });
  });

  it('refuses alg none, even with an empty signature', async () => {
    const error = await expectError(`${b64url('{"alg":"none"}')}.${PAYLOAD}.`);
    expect(error).toMatchObject({ error: 'alg-none', part: 1 });
    expect(error.message).toContain('"alg": "none"');
  });

  it('refuses a header without alg and a token without signature', async () => {
    expect(await expectError(`${b64url('{"typ":"JWT"}')}.${PAYLOAD}.c2ln`)).toMatchObject({
      error: 'missing-alg',
      part: 1,
    });
    expect(await expectError(`${HEADER}.${PAYLOAD}.`)).toMatchObject({
      error: 'missing-signature',
      part: 3,
    });
  });

  it('names an empty header or payload', async () => {
    expect(await expectError(`.${PAYLOAD}.c2ln`)).toMatchObject({ error: 'empty-part', part: 1 });
    expect(await expectError(`${HEADER}..c2ln`)).toMatchObject({ error: 'empty-part', part: 2 });
  });
});

describe('inspectToken: input clean-up', () => {
  it('trims whitespace, quotes, the Bearer prefix and line breaks inside the token', () => {
    expect(normaliseTokenText('  Bearer abc.def.ghi \n')).toBe('abc.def.ghi');
    expect(normaliseTokenText('Authorization: bearer abc.de\n  f.ghi')).toBe('abc.def.ghi');
    expect(normaliseTokenText('"abc.def.ghi"')).toBe('abc.def.ghi');
  });
});

describe('inspectToken: signed tokens', () => {
  let authorityKid = '';
  beforeAll(async () => {
    authorityKid = (await getFixtureKey('authority')).thumbprints.x5t;
  });

  it("verifies a token signed by the simulator authority's key (JWKS) and explains its claims", async () => {
    const token = await signJwt('authority', 'RS256', { kid: authorityKid }, DELEGATED_V2);
    const inspection = await expectInspection(`Bearer ${token}\n`);
    expect(inspection.token).toBe(token);
    expect(inspection.kind).toBe('access_token');
    expect(inspection.version).toBe('2.0');
    expect(inspection.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: authorityKid });
    expect(inspection.signature).toMatchObject({ status: 'valid' });
    expect(inspection.signature.detail).toContain(`kid=${authorityKid}`);
    expect(inspection.summary).toBe(
      'v2.0 delegated access token for api://orders: Ada via app 11111111-1111-1111-1111-111111111111 (scp: Orders.Read)',
    );
    const exp = inspection.claims.find((c) => c.name === 'exp');
    expect(exp).toMatchObject({ value: 1_700_003_600, isTime: true });
    expect(exp?.explanation).toMatch(/^Expiry/);
    expect(inspection.claims.find((c) => c.name === 'scp')?.isTime).toBe(false);
  });

  it('verifies every token of a simulator run the way the inspector does', async () => {
    const run = await runScenario(getScenario('obo-secret'), { variants: [] });
    expect(Object.keys(run.tokens).length).toBeGreaterThan(0);
    for (const [token, seen] of Object.entries(run.tokens)) {
      const inspection = await expectInspection(token);
      expect(inspection.signature.status).toBe(seen.signature.status);
      expect(inspection.kind).toBe(seen.kind);
      expect(inspection.version).toBe(seen.version);
      expect(inspection.claims).toEqual(seen.claims);
    }
  });

  it("verifies a client assertion signed by a simulator app's certificate (thumbprint in the header)", async () => {
    const key = await getFixtureKey('daemon-app');
    const token = await signJwt(
      'daemon-app',
      'PS256',
      { 'x5t#S256': key.thumbprints.x5tS256 },
      {
        aud: 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token',
        iss: 'app-id',
        sub: 'app-id',
        jti: '1',
        exp: 1_700_000_600,
      },
    );
    const inspection = await expectInspection(token);
    expect(inspection.kind).toBe('client_assertion');
    expect(inspection.signature).toMatchObject({ status: 'valid' });
  });

  it('says a tampered simulator token does not verify', async () => {
    const token = await signJwt('authority', 'RS256', { kid: authorityKid }, DELEGATED_V2);
    const [header, , signature] = token.split('.');
    const forged = `${header ?? ''}.${b64url(JSON.stringify({ ...DELEGATED_V2, scp: 'Orders.Write' }))}.${signature ?? ''}`;
    const inspection = await expectInspection(forged);
    expect(inspection.signature).toMatchObject({ status: 'invalid' });
    expect(inspection.signature.detail).toContain('does not verify');
  });

  it('cannot verify a token signed by a foreign RS256 key offline', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({
      aud: '00000003-0000-0000-c000-000000000000',
      iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
      appid: '22222222-2222-2222-2222-222222222222',
      ver: '1.0',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'foreign-key' })
      .sign(privateKey);
    const inspection = await expectInspection(token);
    expect(inspection.signature.status).toBe('unknown-key');
    expect(inspection.signature.detail).toContain(CANNOT_VERIFY_OFFLINE);
    expect(inspection.signature.detail).toContain('kid foreign-key');
    expect(inspection.kind).toBe('access_token');
    expect(inspection.version).toBe('1.0');
    expect(inspection.summary).toMatch(/^v1\.0 app-only access token/);
  });

  it('calls an ID token an ID token', async () => {
    const token = await signJwt(
      'authority',
      'RS256',
      { kid: authorityKid },
      { aud: 'client', nonce: 'n', name: 'Ada', ver: '2.0' },
    );
    expect((await expectInspection(token)).kind).toBe('id_token');
  });
});

describe('inspectToken: properties', () => {
  const segment = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/),
    fc.string({ maxLength: 20 }),
    fc.json().map((json) => b64url(json)),
    fc
      .dictionary(fc.string({ maxLength: 5 }), fc.jsonValue())
      .map((o) => b64url(JSON.stringify(o))),
    fc.constantFrom(b64url('{"alg":"none"}'), HEADER, PAYLOAD, ''),
  );
  const tokenLike = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
  );

  it('any string gives an inspection or a typed error, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(tokenLike, async (text) => {
        const result = await inspectToken(text);
        if (isTokenDecodeError(result)) {
          expect(typeof result.error).toBe('string');
          expect(result.message.length).toBeGreaterThan(0);
        } else {
          expect(result.token).toBe(normaliseTokenText(text));
          expect(['valid', 'invalid', 'unknown-key', 'not-for-you']).toContain(
            result.signature.status,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
