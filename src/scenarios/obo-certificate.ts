// Scenario 5: OBO where the middle tier authenticates with a certificate.
import {
  OBO_COMMON_VARIANTS,
  OBO_UNREGISTERED_CERTIFICATE,
  oboNarration,
  oboScenario,
} from './obo-base';

/** OBO v2 with a certificate client assertion. */
export const OBO_CERTIFICATE = oboScenario({
  id: 'obo-certificate',
  title: 'OBO with a certificate (client assertion)',
  summary:
    'The same exchange, but API A proves its identity with a certificate: the OBO request carries two JWTs, the user assertion (token A) and the client assertion API A signed with its private key.',
  credential: { type: 'private_key_jwt', key: 'middle-tier-api', alg: 'PS256' },
  endpoint: 'v2',
  narration: oboNarration(
    'It authenticates with client_assertion: a JWT it signed (PS256, x5t#S256 = its certificate thumbprint, aud = this token endpoint). Two JWTs travel in one request: assertion is the user, client_assertion is the app.',
    'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with requested_token_use=on_behalf_of and scope=api://reports-api/Reports.Read offline_access.',
    'Token B is v2.0 because the Reports API asks for v2.0 tokens; azpacr is 2 (certificate).',
  ),
  variants: [OBO_UNREGISTERED_CERTIFICATE, ...OBO_COMMON_VARIANTS],
});
