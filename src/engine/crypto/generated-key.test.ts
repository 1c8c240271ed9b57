// A generated key signs like a fixture: same thumbprints from the certificate DER, same RS256 bytes.
import { describe, expect, it } from 'vitest';
import { fixturePrivateKeyPem, getFixtureKey, signJwt } from './index';
import { loadGeneratedKey } from './generated-key';

describe('loadGeneratedKey', () => {
  it('imports a PKCS#8 key and its certificate: thumbprints and RS256 signatures match the fixture path', async () => {
    const fixture = await getFixtureKey('daemon-app');
    const key = {
      pkcs8: fixturePrivateKeyPem('daemon-app'),
      certificate: fixture.certificateBase64,
    };
    const loaded = await loadGeneratedKey(key, 'RS256');
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.key.thumbprints).toEqual(fixture.thumbprints);
    const header = { x5t: fixture.thumbprints.x5t };
    const payload = { iss: 'a', sub: 'a', aud: 'b', iat: 1, nbf: 1, exp: 601, jti: 'j' };
    const signed = await loaded.key.sign(header, payload);
    expect(signed).toBe(await signJwt('daemon-app', 'RS256', header, payload));
    expect(await loaded.key.sign(header, payload)).toBe(signed);
  });

  it('answers a failure, never throws, for a PEM or certificate it cannot read', async () => {
    const fixture = await getFixtureKey('daemon-app');
    const badPem = await loadGeneratedKey(
      {
        pkcs8: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
        certificate: fixture.certificateBase64,
      },
      'PS256',
    );
    expect(badPem.ok).toBe(false);
    const badCert = await loadGeneratedKey(
      { pkcs8: fixturePrivateKeyPem('daemon-app'), certificate: '%%%' },
      'PS256',
    );
    expect(badCert.ok).toBe(false);
  });
});
