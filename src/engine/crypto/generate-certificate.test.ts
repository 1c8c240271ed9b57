// "Generate a certificate": a real, parseable self-signed X.509 with the asked subject and validity.
import { describe, expect, it } from 'vitest';
import { describeCertificate } from './index';
import { generateCertificate } from './generate-certificate';

describe('generateCertificate', () => {
  it('makes a self-signed certificate with the subject and validity asked for', async () => {
    const start = Date.UTC(2026, 2, 2) / 1000;
    const cert = await generateCertificate('Orders API', start, 365 * 86_400);
    expect(cert.certificateBase64).toMatch(/^MII[A-Za-z0-9+/]+=*$/);
    expect(cert.thumbprintSha1).toMatch(/^[0-9A-F]{40}$/);
    const parsed = await describeCertificate(cert.certificateBase64);
    expect(parsed).toEqual({
      subject: 'CN=Orders API',
      notBefore: start,
      notAfter: start + 365 * 86_400,
    });
    const again = await generateCertificate('Orders API', start, 365 * 86_400);
    expect(again.certificateBase64).not.toBe(cert.certificateBase64);
  }, 30_000);
});
