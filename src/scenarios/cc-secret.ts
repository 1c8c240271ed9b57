// Scenario 1: a daemon calls a web API with its own identity, authenticating with a client secret.
import type { ClientParty, VariantDefinition } from '../engine/index';
import { clientCredentialsScenario } from './client-credentials-base';
import { SECRET, START_TIME } from './contoso';

/** What-if: a wrong client secret (AADSTS7000215). */
export const WRONG_SECRET: VariantDefinition = {
  id: 'wrong-secret',
  label: 'Wrong client secret',
  description:
    'The app sends the secret ID instead of the secret value, a classic copy-paste mistake.',
  expect: { code: 7000215 },
  apply: (s) => {
    for (const p of s.parties) {
      if ('credential' in p && p.credential.type.startsWith('client_secret')) {
        (p as ClientParty).credential = {
          ...p.credential,
          secret: 'k-daemon-1',
        } as ClientParty['credential'];
      }
    }
    return s;
  },
};

/** What-if: the secret expired (AADSTS7000222). */
export const SECRET_EXPIRED: VariantDefinition = {
  id: 'secret-expired',
  label: 'Client secret expired',
  description: "The secret's end date passed yesterday and nobody rotated it.",
  expect: { code: 7000222 },
  apply: (s) => {
    for (const app of s.directory.applications) {
      for (const credential of app.passwordCredentials)
        credential.endDateTime = START_TIME - 24 * 3600;
    }
    return s;
  },
};

/** Client credentials with a secret in the body. */
export const CC_SECRET = clientCredentialsScenario({
  id: 'cc-secret',
  title: 'Daemon calls a web API with its own identity (client secret)',
  summary:
    'A background service with no user gets an app-only token with the client credentials grant, authenticating with a client secret in the request body, and calls the Orders API. The token carries roles, never a user.',
  credential: { type: 'client_secret_post', secret: SECRET.daemon },
  howItAuthenticates:
    'It proves its identity with client_secret in the form body (client_secret_post).',
  variants: [WRONG_SECRET, SECRET_EXPIRED],
});
