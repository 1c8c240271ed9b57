// Scenario 4: a web API calls a downstream API on behalf of the user (OBO v2, client secret).
import { SECRET } from './contoso';
import { OBO_COMMON_VARIANTS, OBO_WRONG_SECRET, oboNarration, oboScenario } from './obo-base';
import { CUSTOM_SIGNING_KEY } from './obo-limits';
import { OBO_CALLED_TWICE } from './obo-token-cache';

/** OBO v2 with a client secret. */
export const OBO_SECRET = oboScenario({
  id: 'obo-secret',
  title: 'Web API calls a downstream API on behalf of the user (OBO)',
  summary:
    'The user already holds token A for the Todo API (API A). API A needs data from the Reports API (API B) for that same user, so it exchanges token A for token B with the On-Behalf-Of grant, authenticating with its client secret. Step through and compare token A with token B.',
  credential: { type: 'client_secret_post', secret: SECRET.todoApi },
  endpoint: 'v2',
  narration: oboNarration(
    'It authenticates as itself with its client secret.',
    'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with requested_token_use=on_behalf_of: the assertion is token A, and scope names what API A wants on API B (Reports.Read, plus offline_access for a refresh token).',
    'Token B is v2.0 because the Reports API asks for v2.0 tokens.',
  ),
  variants: [OBO_WRONG_SECRET, ...OBO_COMMON_VARIANTS, CUSTOM_SIGNING_KEY, OBO_CALLED_TWICE],
});
