// A fresh self-signed X.509 certificate for the scenario editor's "Generate a certificate":
// a simulator-only credential made in the page (WebCrypto key, @peculiar/x509 certificate).
import { toBase64 } from './index';

/** A generated certificate as an app registration lists it (`keyCredentials[].key`). */
export interface GeneratedCertificate {
  /** The certificate DER as standard base64 (RFC 4648 section 4). */
  certificateBase64: string;
  /** `CN=...` of the subject (and issuer: it is self-signed). */
  subject: string;
  /** Validity, epoch seconds. */
  notBefore: number;
  notAfter: number;
  /** SHA-1 thumbprint as upper-case hex (what the portal shows as "Thumbprint"). */
  thumbprintSha1: string;
  /**
   * The certificate's RSA private key as PKCS#8 PEM (RFC 5208, RFC 7468 section 10): simulator-only,
   * handed back so that a party can sign client assertions with it (`GeneratedSigningKey.pkcs8`).
   */
  privateKeyPkcs8Pem: string;
}

/**
 * Generates an RSA 2048 key pair with WebCrypto and a self-signed certificate for it
 * (RSASSA-PKCS1-v1_5 with SHA-256), subject `CN=<commonName>`, valid from `notBefore` for
 * `lifetimeSeconds` (times in epoch seconds, from the simulated clock). The certificate is for
 * registering on an app (`keyCredentials`), as the portal's upload does; the private key comes back
 * as PKCS#8 PEM for a party's `private_key_jwt` credential. Not deterministic (fresh key material); never used by runs of built-in scenarios.
 * Rejects when the platform has no WebCrypto.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export async function generateCertificate(
  commonName: string,
  notBefore: number,
  lifetimeSeconds: number,
): Promise<GeneratedCertificate> {
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = await globalThis.crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const serial = new Uint8Array(16);
  globalThis.crypto.getRandomValues(serial);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive INTEGER (RFC 5280 section 4.1.2.2)
  const name = `CN=${commonName.replace(/[,=+<>#;"\\]/g, ' ').trim() || 'Simulator certificate'}`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: [...serial].map((b) => b.toString(16).padStart(2, '0')).join(''),
    name,
    notBefore: new Date(notBefore * 1000),
    notAfter: new Date((notBefore + lifetimeSeconds) * 1000),
    signingAlgorithm: algorithm,
    keys,
  });
  const der = new Uint8Array(cert.rawData);
  const sha1 = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', der));
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const pkcs8Lines = toBase64(pkcs8).match(/.{1,64}/g) ?? [];
  return {
    certificateBase64: toBase64(der),
    subject: cert.subject,
    notBefore: Math.floor(cert.notBefore.getTime() / 1000),
    notAfter: Math.floor(cert.notAfter.getTime() / 1000),
    thumbprintSha1: [...sha1].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(''),
    privateKeyPkcs8Pem: `-----BEGIN PRIVATE KEY-----\n${pkcs8Lines.join('\n')}\n-----END PRIVATE KEY-----\n`,
  };
}
