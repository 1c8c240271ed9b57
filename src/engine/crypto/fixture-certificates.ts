// The committed fixture certificates as a registration names them, without jose: the scenario
// catalogue imports this file, never the crypto module (see scenarios/import-graph.test.ts).
import fixtureFile from './fixtures/keys.json';
import type { FixtureKeyName } from './index';

const fixtures = (fixtureFile as { keys: Record<FixtureKeyName, { certificatePem: string }> }).keys;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

/** The DER of a PEM certificate as standard base64: armour and line breaks removed (RFC 7468). Throws `Error` for non-PEM input. */
export function pemCertificateToBase64(pem: string): string {
  const body = PEM_CERTIFICATE.exec(pem)?.[1];
  if (!body) throw new Error('Not a PEM certificate.');
  return body.replace(/\s+/g, '');
}

/** The committed certificate of a fixture key as standard base64 DER (a `keyCredentials[].key`). */
export function fixtureCertificateBase64(name: FixtureKeyName): string {
  return pemCertificateToBase64(fixtures[name].certificatePem);
}
