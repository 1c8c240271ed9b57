// What-if of the OBO doc's client limitations on the OBO scenario: a middle tier with a custom signing key.
import { DOCS } from '../engine/errors/docs';
import { fixtureCertificateBase64 } from '../engine/crypto/fixture-certificates';
import type { VariantDefinition } from '../engine/index';
import { APP, START_TIME } from './contoso';
import { appOf } from './obo-variants';

const YEAR = 365 * 24 * 3600;

/**
 * What-if: the Todo API's registration has a custom token-signing key (`keyCredentials` with
 * usage `Sign`, as an enterprise app configured for single sign-on has). The authority signs
 * token B with that key; the Reports API finds no such `kid` in the tenant's keys and answers 401.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
export const CUSTOM_SIGNING_KEY: VariantDefinition = {
  id: 'custom-signing-key',
  label: 'Middle tier has a custom signing key',
  description:
    "The Todo API is also an enterprise app configured for single sign-on, so its registration carries a custom token-signing certificate (keyCredentials, usage Sign). Tokens issued to it are signed with that key, which the Todo API's owner controls: the Reports API can't validate token B against the tenant's keys and refuses it.",
  expect: { httpStatusAtClient: 502 },
  apply: (s) => {
    appOf(s, APP.todoApi).keyCredentials.push({
      keyId: 'k-todo-sso-signing',
      displayName: 'CN=Todo API SSO token signing',
      type: 'AsymmetricX509Cert',
      usage: 'Sign',
      key: fixtureCertificateBase64('middle-tier-api'),
      startDateTime: START_TIME - YEAR,
      endDateTime: START_TIME + 2 * YEAR,
    });
    const downstream = s.narration['obo:downstream'];
    if (downstream) {
      s.narration['obo:downstream'] = {
        ...downstream,
        error: {
          title: 'API B cannot validate token B',
          text: "Token B was signed with the Todo API's custom signing key (its kid is that certificate's thumbprint), not with a key in the tenant's JWKS. The OBO doc: \"applications with custom signing keys can't be used as middle-tier APIs in the OBO flow ... the downstream API won't validate the signature of the access token that is passed to it. This results in an error because tokens signed with a key controlled by the client can't be safely accepted.\" API B answers 401 invalid_token, and API A can only report a failure. The fix: a middle tier without a custom signing key (a separate registration for the API).",
          docs: [DOCS.oboLimitations, DOCS.customSigningKeys],
        },
      };
    }
    return s;
  },
};
