// Scenario 6: OBO on the v1.0 token endpoint (`resource` instead of `scope`, v1.0 token format).
import { SECRET } from './contoso';
import { OBO_COMMON_VARIANTS, OBO_WRONG_SECRET, oboNarration, oboScenario } from './obo-base';

/** OBO on `/oauth2/token` with `resource`; the downstream API takes v1.0 tokens. */
export const OBO_V1 = oboScenario({
  id: 'obo-v1',
  title: 'OBO on the v1.0 endpoint (resource, v1 token)',
  summary:
    'The legacy form of the exchange: API A posts to /oauth2/token with resource=api://reports-api (no scope list) and gets a v1.0 token: iss is sts.windows.net, appid instead of azp, aud is the App ID URI it asked for, and numbers in the response are strings.',
  credential: { type: 'client_secret_post', secret: SECRET.todoApi },
  endpoint: 'v1',
  reportsTokenVersion: null,
  narration: oboNarration(
    'It authenticates with its client secret.',
    'The v1.0 request: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, requested_token_use=on_behalf_of, resource=api://reports-api (the App ID URI) and scope=openid.',
    "Token B is v1.0 because the Reports API's registration leaves requestedAccessTokenVersion null, whatever endpoint was used: the resource decides the format. v1 always returns a refresh token, and because API A sent scope=openid it also gets an id_token: a v1.0 ID token about Ada for API A itself (aud = API A), as in the v1 OBO doc's example.",
  ),
  variants: [OBO_WRONG_SECRET, ...OBO_COMMON_VARIANTS],
});
