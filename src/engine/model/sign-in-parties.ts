// Sign-in parties of the scenario model: the web app (or SPA) the user signs in to, the browser,
// the person at it, and the decisions that person makes at prompts.
import type { PartyId, ClientCredential, EndpointVersion } from './scenario';

/**
 * A confidential web app that signs users in through the browser (OpenID Connect / authorization
 * code flow), redeems the code with its credential, and calls an API with the access token.
 * `quirks` are what-if settings of the app's own behaviour (data, read by the one code path).
 */
export interface WebAppParty {
  id: PartyId;
  kind: 'web-app';
  label: string;
  appId: string;
  description: string;
  /** Base URL, e.g. `https://webapp.contoso.example`. */
  baseUrl: string;
  credential: ClientCredential;
  /**
   * A single-page app: its JavaScript, in the browser, redeems the code cross-origin (an `Origin`
   * header of `baseUrl`) as a public client (credential `none`), for a redirect URI registered
   * under the `spa` platform. The party then stands for the app's code running in the page.
   * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas
   */
  singlePageApp?: boolean;
  signIn: {
    endpoint: EndpointVersion;
    /**
     * `code` (auth code flow), `code id_token` (hybrid), or `id_token token`: the implicit grant,
     * which returns the ID token and an access token from the authorize endpoint, in the fragment.
     */
    responseType: 'code' | 'code id_token' | 'id_token token';
    /** `fragment`: the browser keeps the parameters; the app's page posts them to its server. */
    responseMode: 'query' | 'form_post' | 'fragment';
    /** Space-separated scopes, e.g. `openid profile offline_access api://todo-api/.default`. */
    scope: string;
    /** Path of the redirect URI on `baseUrl`, e.g. `/signin-oidc`. */
    redirectPath: string;
    pkce: boolean;
    prompt?: 'login' | 'consent' | 'none';
    loginHint?: string;
  };
  /**
   * The API called after sign-in (and by `/refresh-demo`). `identity` says as whom:
   * `delegated` (default) sends the user's access token; `application` is the trusted subsystem:
   * the app gets its own token with client credentials for `appScope` (e.g.
   * `api://orders/.default`) and names the user only in the `userHeader` request header, which
   * nobody signs.
   * @see https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/web-api
   */
  api?: {
    target: PartyId;
    path: string;
    identity?: 'delegated' | 'application';
    appScope?: string;
    /** Header that carries the signed-in user's UPN on app-identity calls, e.g. `X-On-Behalf-Of-User`. */
    userHeader?: string;
  };
  quirks?: {
    /** Sends this redirect_uri instead of `baseUrl + redirectPath` (e.g. an unregistered one). */
    redirectUriOverride?: string;
    /** Sends a code_verifier other than the one behind the challenge. */
    wrongCodeVerifier?: boolean;
    /** Redeems the same code twice (a retry bug, or a replayed code). */
    redeemCodeTwice?: boolean;
    /** The response carries a state the app never issued (a forged, CSRF-style response). */
    forgedState?: boolean;
    /**
     * After sign-in the app itself sends a token it holds as the OBO `assertion` (jwt-bearer,
     * `requested_token_use=on_behalf_of`) for `scope`, with its own credential, and calls `target`
     * (default: `api.target`) with the result: the OBO doc's client limitations (an implicit ID
     * token with a wildcard reply URL; a single-page app, which has no credential).
     * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
     */
    onBehalfOf?: { assertion: 'id_token' | 'access_token'; scope: string; target?: PartyId };
    /**
     * Trusted subsystem: the app (a bug, or an attacker who controls it) names this UPN in
     * `api.userHeader` instead of the signed-in user's.
     */
    userHeaderOverride?: string;
  };
}

/** A choice offered by a clock beat, e.g. "+5 min" or "past token expiry". Seconds. */
export interface ClockChoice {
  label: string;
  seconds: number;
}

/** A step of the browser's script: open a URL (following redirects and pages), or let time pass. */
export type BrowserAction =
  | { do: 'navigate'; id: string; url: string }
  | { do: 'wait'; id: string; title: string; choices: ClockChoice[] };

/** The user's browser: follows redirects, posts forms, and asks the person at the screen to decide. */
export interface BrowserParty {
  id: PartyId;
  kind: 'browser';
  label: string;
  description: string;
  /** The user who sits at this browser. */
  userId: string;
  program: BrowserAction[];
}

/** The person at the browser (drawn on the canvas; acts through {@link UserDecision}s). */
export interface UserParty {
  id: PartyId;
  kind: 'user';
  label: string;
  description: string;
}

/**
 * A decision of the person at the screen, consumed in order when the browser meets a prompt:
 * sign in, approve MFA, accept or cancel consent, or let time pass (`seconds`).
 */
export type UserDecision =
  | { prompt: 'sign-in' }
  | { prompt: 'mfa'; approve: boolean }
  | { prompt: 'consent'; accept: boolean; forOrganization?: boolean }
  | { prompt: 'clock'; seconds: number };

/** An answer a what-if makes for the person (see `VariantDefinition.decides` in `./scenario`). */
export interface PromptPreset {
  decision: UserDecision;
  /** The label of the what-if that sets it, e.g. `User cancels consent`. */
  whatIf: string;
}
