// Scenario 3: client credentials with the secret sent by HTTP Basic authentication.
import { clientCredentialsScenario } from './client-credentials-base';
import { SECRET } from './contoso';
import { WRONG_SECRET } from './cc-secret';

/** Client credentials with `client_secret_basic`. */
export const CC_BASIC = clientCredentialsScenario({
  id: 'cc-basic',
  title: 'Daemon calls a web API with its own identity (HTTP Basic)',
  summary:
    'The same daemon, authenticating with HTTP Basic: client id and secret are form-encoded, joined by a colon and base64-encoded into the Authorization header (RFC 6749 section 2.3.1); the body carries no secret.',
  credential: { type: 'client_secret_basic', secret: SECRET.daemon },
  howItAuthenticates:
    'It authenticates with HTTP Basic: Authorization: Basic base64(urlencode(client_id) ":" urlencode(client_secret)), and leaves the secret out of the body.',
  variants: [WRONG_SECRET],
});
