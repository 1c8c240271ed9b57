// Scenario 2: client credentials with a certificate: the client signs a JWT assertion.
import type { ClientParty, VariantDefinition } from '../engine/index';
import { clientCredentialsScenario } from './client-credentials-base';

const withAssertion =
  (change: (c: Extract<ClientParty['credential'], { type: 'private_key_jwt' }>) => void) =>
  (s: Parameters<VariantDefinition['apply']>[0]) => {
    for (const p of s.parties) {
      if ('credential' in p && p.credential.type === 'private_key_jwt') change(p.credential);
    }
    return s;
  };

/** What-if: the assertion is signed with a certificate nobody uploaded (AADSTS700027). */
export const UNREGISTERED_CERTIFICATE: VariantDefinition = {
  id: 'unregistered-certificate',
  label: 'Certificate not uploaded',
  description: 'The app signs with a new certificate that was never added to its registration.',
  expect: { code: 700027 },
  apply: withAssertion((c) => {
    c.key = 'unregistered';
  }),
};

/** What-if: an assertion minted an hour ago, valid for 10 minutes (AADSTS700024). */
export const ASSERTION_EXPIRED: VariantDefinition = {
  id: 'assertion-expired',
  label: 'Client assertion expired',
  description: 'The app reuses an assertion it signed an hour ago; it was valid for 10 minutes.',
  expect: { code: 700024 },
  apply: withAssertion((c) => {
    c.notBeforeOffsetSeconds = -3600;
    c.lifetimeSeconds = 600;
  }),
};

/** What-if: the assertion's `aud` is the authorize endpoint (AADSTS700023). */
export const ASSERTION_WRONG_AUDIENCE: VariantDefinition = {
  id: 'assertion-wrong-audience',
  label: 'Assertion aud is not the token endpoint',
  description: 'The app sets aud to the tenant issuer instead of the token endpoint URL.',
  expect: { code: 700023 },
  apply: withAssertion((c) => {
    c.audience = 'https://login.microsoftonline.com/3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3/v2.0';
  }),
};

/** What-if: legacy RS256 with a SHA-1 `x5t` thumbprint, still accepted. */
export const LEGACY_RS256: VariantDefinition = {
  id: 'legacy-rs256-x5t',
  label: 'Legacy RS256 + x5t (SHA-1)',
  description:
    'Older libraries sign with RS256 and a SHA-1 thumbprint; the platform still accepts it.',
  expect: { httpStatusAtClient: 200 },
  apply: withAssertion((c) => {
    c.alg = 'RS256';
  }),
};

/** Client credentials with a certificate (`private_key_jwt`). */
export const CC_CERTIFICATE = clientCredentialsScenario({
  id: 'cc-certificate',
  title: 'Daemon calls a web API with its own identity (certificate)',
  summary:
    'The daemon proves its identity with a certificate: it signs a short-lived JWT (the client assertion) with its private key; the authority finds the registered certificate by the x5t#S256 thumbprint in the header and verifies the signature, aud, iss = sub = client id, and the time window.',
  credential: { type: 'private_key_jwt', key: 'daemon-app', alg: 'PS256' },
  howItAuthenticates:
    'Instead of a secret it sends client_assertion: a JWT it signed (PS256) with the private key of a certificate uploaded to its registration, with x5t#S256 = the certificate thumbprint, aud = this token endpoint, iss = sub = its client id, a unique jti and a 10-minute lifetime.',
  variants: [UNREGISTERED_CERTIFICATE, ASSERTION_EXPIRED, ASSERTION_WRONG_AUDIENCE, LEGACY_RS256],
});
