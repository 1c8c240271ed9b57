// Generates the committed, SIMULATOR-ONLY fixture keys and certificates (run once: npm run keys:generate).
// These keys are public on purpose: they make every trace reproducible. Never trust them anywhere else.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';

// Node's webcrypto is the Web Crypto API; only its TypeScript declarations differ from the DOM's.
x509.cryptoProvider.set(/** @type {Crypto} */ (/** @type {unknown} */ (webcrypto)));

const alg = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const subjects = {
  authority: 'CN=Simulated Entra ID token signing key (SIMULATOR ONLY)',
  'rogue-authority': 'CN=Rogue token issuer (SIMULATOR ONLY)',
  'daemon-app': 'CN=Contoso Inventory Sync daemon (SIMULATOR ONLY)',
  'middle-tier-api': 'CN=Contoso Orders API (SIMULATOR ONLY)',
  unregistered: 'CN=A certificate nobody registered (SIMULATOR ONLY)',
};

/**
 * @param {ArrayBuffer} der
 * @param {string} label
 */
const toPem = (der, label) => {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
};

/** @type {{ _warning: string, keys: Record<string, { privateKeyPkcs8Pem: string, certificatePem: string }> }} */
const out = {
  _warning:
    'Simulator-only fixture keys, published on purpose so traces are reproducible. Never use them for anything real.',
  keys: {},
};
let serial = 1;
for (const [name, subject] of Object.entries(subjects)) {
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: String(serial++).padStart(2, '0'),
    name: subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: alg,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  out.keys[name] = {
    privateKeyPkcs8Pem: toPem(pkcs8, 'PRIVATE KEY'),
    certificatePem: cert.toString('pem') + '\n',
  };
}
writeFileSync(
  new URL('../src/engine/crypto/fixtures/keys.json', import.meta.url),
  JSON.stringify(out, null, 2) + '\n',
);
console.log('wrote src/engine/crypto/fixtures/keys.json with', Object.keys(out.keys).join(', '));
