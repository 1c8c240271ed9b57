// Issue 10 section 1: a middle tier gets a SAML assertion through On-Behalf-Of for a SAML-protected web service.
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  ApiParty,
  Narration,
  OboCall,
  SamlServiceParty,
  ScenarioDefinition,
  VariantDefinition,
} from '../engine/index';
import { APP, application, SECRET, SP, TENANT_ID } from './contoso';
import { oboScenario } from './obo-base';
import { appOf } from './obo-variants';

/** The SAML web service's registration: entity ID, reply URLs and its one delegated permission. */
export const TIMESHEETS = {
  appId: 'd2c3b4a5-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  sp: 'sp-d2c3b4a5-timesheets',
  entityId: 'https://timesheets.contoso.example',
  acs: 'https://timesheets.contoso.example/saml/acs',
  wildcard: 'https://*.contoso.example/saml/acs',
  userImpersonation: 'e1a2b3c4-0010-4000-8000-000000000010',
} as const;

const SAML2 = 'urn:ietf:params:oauth:token-type:saml2';
const SAML1 = 'urn:ietf:params:oauth:token-type:saml1';

/** The SAML-protected service the middle tier calls (SAML 2.0 only, 5 minutes of clock skew). */
const SERVICE: SamlServiceParty = {
  id: 'timesheets',
  kind: 'saml-service',
  label: 'Timesheets (SAML service)',
  appId: TIMESHEETS.appId,
  description:
    'An older web service that accepts SAML 2.0 assertions only, no OAuth tokens. It trusts the tenant through its federation metadata.',
  baseUrl: TIMESHEETS.entityId,
  entityId: TIMESHEETS.entityId,
  recipientUrl: TIMESHEETS.acs,
  samlVersion: '2.0',
  clockToleranceSeconds: 300,
  data: { week: '2026-W10', hours: 37.5, approved: true },
};

const middle = (s: ScenarioDefinition) => s.parties.find((p) => p.id === 'api-a') as ApiParty;
const oboOf = (s: ScenarioDefinition) => middle(s).obo as OboCall;
const withoutGrant = (s: ScenarioDefinition) => {
  s.directory.oauth2PermissionGrants = s.directory.oauth2PermissionGrants.filter(
    (g) => !(g.clientId === SP.todoApi && g.resourceId === TIMESHEETS.sp),
  );
};

/** Adds the SAML app, its service principal, API A's permission on it and the admin consent. */
function withSamlApplication(scenario: ScenarioDefinition): ScenarioDefinition {
  const d = scenario.directory;
  d.applications.push(
    application({
      appId: TIMESHEETS.appId,
      displayName: 'Timesheets (SAML)',
      identifierUris: [TIMESHEETS.entityId],
      web: {
        redirectUris: [TIMESHEETS.wildcard, TIMESHEETS.acs],
        implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
      },
      api: {
        oauth2PermissionScopes: [
          {
            id: TIMESHEETS.userImpersonation,
            value: 'user_impersonation',
            type: 'User',
            isEnabled: true,
            adminConsentDisplayName: 'Access Timesheets',
            adminConsentDescription: 'Access Timesheets on behalf of the signed-in user',
          },
        ],
        requestedAccessTokenVersion: null,
        knownClientApplications: [],
        preAuthorizedApplications: [],
      },
    }),
  );
  d.servicePrincipals.push({
    id: TIMESHEETS.sp,
    appId: TIMESHEETS.appId,
    tenantId: TENANT_ID,
    displayName: 'Timesheets (SAML)',
    appRoleAssignmentRequired: false,
  });
  appOf(scenario, APP.todoApi).requiredResourceAccess.push({
    resourceAppId: TIMESHEETS.appId,
    resourceAccess: [{ id: TIMESHEETS.userImpersonation, type: 'Scope' }],
  });
  d.oauth2PermissionGrants.push({
    id: 'grant-todo-timesheets',
    clientId: SP.todoApi,
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: TIMESHEETS.sp,
    scope: 'user_impersonation',
  });
  const api = middle(scenario);
  api.description =
    "Middle-tier web API. To build its answer it needs the user's timesheet from a SAML-only web service, so it exchanges token A for a SAML assertion.";
  api.obo = {
    ...(api.obo as OboCall),
    scope: `${TIMESHEETS.entityId}/.default`,
    requestedTokenType: SAML2,
    downstream: SERVICE.id,
    path: '/api/timesheets/me',
  };
  scenario.docs = [DOCS.oboSaml, DOCS.samlTokens, DOCS.federationMetadata, DOCS.consent];
  scenario.parties = scenario.parties.filter((p) => p.id !== 'api-b');
  scenario.parties.push(structuredClone(SERVICE));
  scenario.layout = {
    ...scenario.layout,
    timesheets: scenario.layout['api-b'] ?? { x: 760, y: 40 },
  };
  delete scenario.layout['api-b'];
  return scenario;
}

const NARRATION: Record<string, ActionNarration> = {
  'call-api-a': {
    request: {
      title: 'The client calls API A with token A',
      text: 'Starting fact: the user is signed in and the client holds token A for API A (Todo.Read). API A will need data from a web service that only understands SAML.',
      docs: [DOCS.obo],
    },
    response: {
      title: 'API A answers with its data and the timesheet',
      text: 'API A returns its own data and what the SAML service returned for the same user. The client never saw the SAML assertion.',
      docs: [DOCS.oboSaml],
    },
    error: {
      title: 'API A could not complete the call',
      text: 'Getting or using the SAML assertion failed, so API A reports an error to its caller. See "Why this failed".',
      docs: [DOCS.oboSaml],
    },
  },
  obo: {
    request: {
      title: 'API A asks for a SAML assertion on behalf of the user',
      text: 'The On-Behalf-Of request as usual (grant_type jwt-bearer, assertion = token A, requested_token_use=on_behalf_of, its client secret), plus requested_token_type=urn:ietf:params:oauth:token-type:saml2. The rule: "the scope value must always be the SAML Entity ID with /.default appended" (spn:<Entity ID>/.default when the entity ID has no URI scheme); SAML has no scopes, the value only picks the SAML application and so the assertion\'s Audience.',
      docs: [DOCS.oboSaml],
    },
    response: {
      title: 'A signed SAML assertion, base64url-encoded in access_token',
      text: 'The authority ran the same checks as for any OBO request (token A, API A\'s permission on the SAML app, consent), then signed a SAML assertion with its token-signing certificate. The response has the documented fields: token_type, scope, expires_in, ext_expires_in, expires_on, resource (the entity ID), access_token (the assertion, UTF-8 then base64url), issued_token_type and refresh_token. In the assertion: Audience = the entity ID; Recipient = "the first nonwildcard Reply URL" of the SAML app (its wildcard URL is skipped); and no InResponseTo, "since it\'s not part of a SAML response". Open it in the inspector.',
      docs: [DOCS.oboSaml, DOCS.samlTokens],
    },
    error: {
      title: 'The authority refuses the exchange',
      text: 'A named check of the OBO grant failed. The doc\'s rules: "You have to add the necessary API permissions on the middle-tier application" and "Consent must be granted to receive a SAML token containing user data".',
      docs: [DOCS.oboSaml, DOCS.consent],
    },
  },
  'obo:downstream': {
    request: {
      title: 'API A calls the SAML service with the assertion',
      text: "API A decodes access_token (base64url) to the assertion XML and sends it as Authorization: SAML <base64>, the header Apache CXF's SAML handlers read (SOAP services carry the same assertion in a WS-Security header).",
      docs: [DOCS.oboSaml],
    },
    response: {
      title: 'The SAML service serves the user',
      text: 'The service verified the XML signature with the certificate from the federation metadata, then Issuer, Audience, NotBefore/NotOnOrAfter and Recipient, and accepted the assertion without InResponseTo. It reads the user from NameID and the attributes.',
      docs: [DOCS.oboSaml, DOCS.samlProfiles],
    },
    error: {
      title: 'The SAML service rejects the assertion',
      text: "One of the service's rules failed; the 401 names it.",
      docs: [DOCS.oboSaml, DOCS.samlProfiles],
    },
  },
  'timesheets:metadata': {
    request: {
      title: 'The SAML service fetches the federation metadata',
      text: "Before trusting any assertion, the service downloads the tenant's federation metadata (/federationmetadata/2007-06/federationmetadata.xml) and keeps it: it publishes the issuer (entityID) and the certificate that signs assertions.",
      docs: [DOCS.federationMetadata],
    },
    response: {
      title: 'The authority publishes its signing certificate',
      text: 'KeyDescriptor use="signing" holds the same certificate whose key signs the JWTs (the JWKS x5c). The service verifies every assertion against it, never against the certificate inside the assertion.',
      docs: [DOCS.federationMetadata],
    },
  },
};

/** The scenario with the narration of the authority's refusal replaced (what-if data). */
function withOboError(s: ScenarioDefinition, error: Narration): ScenarioDefinition {
  const obo = s.narration.obo;
  if (obo) s.narration = { ...s.narration, obo: { ...obo, error } };
  return s;
}

const SAML1_VARIANT: VariantDefinition = {
  id: 'saml1-token-type',
  label: 'Ask for SAML 1.1 (saml1)',
  description:
    'API A sends requested_token_type=urn:ietf:params:oauth:token-type:saml1. The authority issues a SAML 1.1 assertion, but the service only understands SAML 2.0.',
  expect: { httpStatusAtClient: 502 },
  apply: (s) => {
    oboOf(s).requestedTokenType = SAML1;
    return s;
  },
};

const NO_PERMISSION: VariantDefinition = {
  id: 'saml-no-permission',
  label: "No permission to the SAML app's /.default",
  description:
    "API A's registration lists no API permission on the Timesheets SAML app, so the admin's consent never covered it: there is nothing behind its /.default for API A.",
  expect: { code: 65001, httpStatusAtClient: 500 },
  apply: (s) => {
    const todo = appOf(s, APP.todoApi);
    todo.requiredResourceAccess = todo.requiredResourceAccess.filter(
      (r) => r.resourceAppId !== TIMESHEETS.appId,
    );
    withoutGrant(s);
    return withOboError(s, {
      title: "No permission: nothing behind the SAML app's /.default for API A",
      text: "The doc's rule: \"You have to add the necessary API permissions on the middle-tier application to allow access to the SAML application, so that it can request a token for the /.default scope of the SAML application.\" API A's registration lists no permission on Timesheets, so no admin consent ever covered it and /.default names nothing: AADSTS65001. Fix: add Timesheets › user_impersonation under API A's API permissions, then grant consent.",
      docs: [DOCS.oboSaml, DOCS.consent],
    });
  },
};

const WILDCARD_ONLY: VariantDefinition = {
  id: 'saml-wildcard-reply-urls',
  label: 'Only wildcard reply URLs',
  description:
    'The SAML app has only https://*.contoso.example/saml/acs as reply URL. The authority has no non-wildcard URL to put in Recipient, and the service requires one.',
  expect: { httpStatusAtClient: 502 },
  apply: (s) => {
    appOf(s, TIMESHEETS.appId).web.redirectUris = [TIMESHEETS.wildcard];
    return s;
  },
};

const CONSENT_NEVER_GIVEN: VariantDefinition = {
  id: 'saml-consent-never-given',
  label: 'Consent never given',
  description:
    "API A's registration lists the Timesheets permission, but no admin granted consent and no user consented: no delegated grant exists.",
  expect: { code: 65001, httpStatusAtClient: 500 },
  apply: (s) => {
    withoutGrant(s);
    return withOboError(s, {
      title: 'Consent never given: the permission is there, the grant is not',
      text: 'The doc\'s rule: "Consent must be granted to receive a SAML token containing user data on an OAuth flow." API A\'s registration lists Timesheets › user_impersonation, but no admin granted consent and the user never consented; OBO cannot prompt anyone, so the authority answers AADSTS65001. Fix: grant admin consent for API A, or have the client trigger combined consent (knownClientApplications with /.default).',
      docs: [DOCS.oboSaml, DOCS.consent],
    });
  },
};

/** OBO for a SAML assertion (v2, client secret). */
export const OBO_SAML: ScenarioDefinition = withSamlApplication(
  oboScenario({
    id: 'obo-saml',
    title: 'Web API gets a SAML assertion on behalf of the user (OBO for SAML)',
    summary:
      "API A holds token A for the user and must call a web service that accepts SAML assertions only. It asks the authority for a SAML 2.0 assertion with the On-Behalf-Of grant (requested_token_type=saml2, scope=<entity ID>/.default), then sends it to the service, which checks the signature against the federation metadata and the assertion's conditions. Open the assertion in the inspector.",
    credential: { type: 'client_secret_post', secret: SECRET.todoApi },
    endpoint: 'v2',
    narration: NARRATION,
    variants: [SAML1_VARIANT, NO_PERMISSION, WILDCARD_ONLY, CONSENT_NEVER_GIVEN],
  }),
);
