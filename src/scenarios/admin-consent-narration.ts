// Narration of the admin consent scenario: sign-up page, admin consent endpoint, redirect back, client credentials in the customer's tenant.
import { DOCS } from '../engine/errors/docs';
import type { ActionNarration } from '../engine/index';

/** The narration of the admin consent scenario, keyed by action id and browser tag. */
export const ADMIN_CONSENT_NARRATION: Record<string, ActionNarration> = {
  connect: {
    request: {
      title: '{user} opens the sign-up page of Contoso Org Chart',
      text: "A multi-tenant SaaS app is registered once, in its publisher's tenant (Contoso). Before it can work in a customer's tenant, that customer's admin must consent: the app's \"connect\" page starts it.",
      docs: [DOCS.multiTenant],
    },
    redirect: {
      title: 'The app sends the browser to the admin consent endpoint',
      text: "302 to /{tenant}/v2.0/adminconsent with client_id, scope=https://graph.microsoft.com/.default, redirect_uri and a fresh state. The tenant is Fabrikam's domain: the admin approves for that directory. Application permissions can only be requested through /.default, which means every permission in the app's requiredResourceAccess.",
      docs: [DOCS.adminConsent],
    },
    response: {
      title: 'The sign-up page answers',
      text: 'The app answered its own page.',
      docs: [DOCS.multiTenant],
    },
  },
  adminconsent: {
    request: {
      title: 'The browser asks for admin consent',
      text: 'GET /fabrikam.onmicrosoft.com/v2.0/adminconsent: the authority checks the tenant, that the app is usable there (a multi-tenant app without a service principal yet is: consent will create it), the redirect URI and the scope, then needs a signed-in administrator.',
      docs: [DOCS.adminConsent],
    },
    response: {
      title: 'The authority asks {user} to sign in',
      text: 'No session with the authority yet: the sign-in page of the Fabrikam tenant.',
      docs: [DOCS.adminConsent],
    },
    error: {
      title: 'The authority refuses the admin consent request',
      text: 'A request check failed before anyone was asked anything. The reply URL is not trusted yet (or the app is not known in this tenant), so the authority shows its error page and never redirects.',
      docs: [DOCS.adminConsent, DOCS.appObjects],
    },
  },
  'sign-in': {
    request: {
      title: '{user} signs in to Fabrikam',
      text: 'The credentials are posted to the authority. Only an administrator of the tenant (Global Administrator, Cloud Application Administrator, Application Administrator) can grant tenant-wide consent, let alone application permissions.',
      docs: [DOCS.adminConsent],
    },
    response: {
      title: 'The admin consent page: permissions for the whole organization',
      text: 'The page lists every permission the app asks for, here the application permission User.Read.All on Microsoft Graph. If the admin accepts, the app gets it for the whole tenant and no one else is asked.',
      docs: [DOCS.adminConsent, DOCS.consent],
    },
    error: {
      title: 'Need admin approval',
      text: '{user} is not an administrator. A user can never grant an application permission, so the authority shows "Need admin approval" (AADSTS90094) and stops: the app hears nothing. An admin must consent, or the tenant\'s admin consent workflow routes a request to one.',
      docs: [DOCS.adminConsent, DOCS.consent],
    },
  },
  consent: {
    request: {
      title: '{user} answers the admin consent page',
      text: 'The answer is posted to the authority.',
      docs: [DOCS.adminConsent],
    },
    redirect: {
      title: 'Consent recorded in Fabrikam: back to the app with admin_consent=True',
      text: "Accepting created, in Fabrikam's directory, everything the page listed: the app's service principal, an app role assignment per application permission (here User.Read.All on Microsoft Graph) and, for delegated permissions, a tenant-wide grant and the service principals of the APIs involved, a middle tier named in knownClientApplications included (\"What happened\" lists them). The browser goes back to the redirect URI with admin_consent=True, tenant=<Fabrikam's tenant id>, scope and state: no code and no token, the app now knows which tenant to ask for tokens.",
      docs: [DOCS.adminConsent, DOCS.appObjects],
    },
    error: {
      title: 'The admin cancelled: error=consent_required',
      text: 'The authority redirects back with admin_consent=True, error=consent_required and AADSTS65004 in error_description. Nothing was created in Fabrikam.',
      docs: [DOCS.adminConsent],
    },
  },
  'redirect-back': {
    request: {
      title: 'The browser brings the answer to the app',
      text: "The app checks state, reads tenant from the query and records Fabrikam as a customer. From now on it asks Fabrikam's token endpoint, not its home tenant's, for tokens to Fabrikam's data.",
      docs: [DOCS.adminConsent, DOCS.multiTenant],
    },
    response: {
      title: 'Connected: the app shows the result',
      text: "The daemon's first run in Fabrikam worked: the sign-up page says so.",
      docs: [DOCS.multiTenant],
    },
    error: {
      title: 'The app reports the failure',
      text: 'The redirect carried an error (or the first run in the tenant failed): the app shows it to the admin.',
      docs: [DOCS.adminConsent],
    },
  },
  'get-token': {
    request: {
      title: "The daemon asks Fabrikam's token endpoint for a token",
      text: "client_credentials against /{fabrikam tenant id}/oauth2/v2.0/token with scope=https://graph.microsoft.com/.default and the app's secret. The credential belongs to the app registration in Contoso; the service principal that just appeared in Fabrikam is what the token service looks up in this tenant.",
      docs: [DOCS.cc, DOCS.appObjects],
    },
    response: {
      title: 'A token issued by Fabrikam',
      text: "tid and iss name Fabrikam, oid is the daemon's service principal in Fabrikam (not the one in Contoso), and roles carries User.Read.All, the app role assignment the admin just created. No refresh token: the daemon asks again when it expires.",
      docs: [DOCS.cc, DOCS.accessTokenSignature],
    },
    error: {
      title: "Fabrikam's token endpoint refuses",
      text: 'See "Why this failed".',
      docs: [DOCS.cc],
    },
  },
  'call-api': {
    request: {
      title: "The daemon reads Fabrikam's users from Microsoft Graph",
      text: 'Bearer token in the Authorization header.',
      docs: [DOCS.rfc6750Bearer],
    },
    response: {
      title: "Graph answers with Fabrikam's directory",
      text: "A multi-tenant API validates the issuer against the token's own tid, so Fabrikam's issuer is accepted, and requires the app role User.Read.All in roles.",
      docs: [DOCS.accessTokenSignature, DOCS.protectedApi],
    },
    error: {
      title: 'Graph refuses the call',
      text: 'The WWW-Authenticate header says why.',
      docs: [DOCS.rfc6750Challenge],
    },
  },
};
