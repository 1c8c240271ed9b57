// The fixture certificates are real X.509 certificates; thumbprints are digests of their DER.
import { describe, expect, it } from 'vitest';
import { START_TIME } from '../../scenarios/contoso';
import {
  base64ToPemCertificate,
  describeCertificate,
  fixtureCertificateBase64,
  getFixtureKey,
  pemCertificateToBase64,
} from './index';
import type { FixtureKeyName } from './index';

const NAMES: FixtureKeyName[] = [
  'authority',
  'rogue-authority',
  'daemon-app',
  'middle-tier-api',
  'unregistered',
];

describe('fixture certificates', () => {
  it.each(NAMES)(
    '%s parses as X.509, marked simulator-only, valid at the simulated start',
    async (name) => {
      const details = await describeCertificate(fixtureCertificateBase64(name));
      expect(details.subject).toContain('SIMULATOR ONLY');
      expect(details.notBefore).toBeLessThan(START_TIME);
      expect(details.notAfter).toBeGreaterThan(START_TIME);
    },
  );

  it('thumbprints: SHA-1 is 20 bytes (27 base64url chars), SHA-256 32 bytes (43), and x5t = customKeyIdentifier', async () => {
    const { thumbprints } = await getFixtureKey('daemon-app');
    expect(thumbprints.x5t).toHaveLength(27);
    expect(thumbprints.x5tS256).toHaveLength(43);
    expect(thumbprints.sha1Hex).toMatch(/^[0-9A-F]{40}$/);
    expect(Buffer.from(thumbprints.customKeyIdentifier, 'base64').toString('base64url')).toBe(
      thumbprints.x5t,
    );
  });

  it('PEM and base64 DER convert both ways', () => {
    const b64 = fixtureCertificateBase64('authority');
    expect(pemCertificateToBase64(base64ToPemCertificate(b64))).toBe(b64);
    expect(() => pemCertificateToBase64('not a certificate')).toThrow();
  });
});
