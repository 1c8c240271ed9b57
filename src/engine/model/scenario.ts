// The shape of a scenario: parties, registrations, starting facts, narration and what-if variants.
import type { FixtureKeyName, SigningAlg } from '../crypto';
import type { GeneratedSigningKey } from '../crypto/generated-key';
import type { Directory } from '../directory/model';
import type { AadstsCode, DocRef } from '../errors';
import type { ClientSignUp, TokenCacheSettings } from './client';
import type {
  BrowserParty,
  ClockChoice,
  UserDecision,
  UserParty,
  WebAppParty,
} from './sign-in-parties';

export type { ClientSignUp, TokenCacheSettings } from './client';
// The web app, browser, user and their decisions live in sign-in-parties.ts (one concern a file).
export type {
  BrowserAction,
  BrowserParty,
  ClockChoice,
  PromptPreset,
  UserDecision,
  UserParty,
  WebAppParty,
} from './sign-in-parties';

/** Closed list of scenario ids (one file each under `src/scenarios`). */
export type ScenarioId =
  | 'cc-secret'
  | 'cc-certificate'
  | 'cc-basic'
  | 'obo-secret'
  | 'obo-certificate'
  | 'obo-v1'
  | 'obo-saml'
  | 'obo-implicit'
  | 'obo-spa'
  | 'trusted-subsystem'
  | 'oidc-sign-in'
  | 'auth-code-pkce'
  | 'refresh-token'
  | 'full-chain'
  | 'admin-consent'
  | 'cc-v1'
  | 'cc-token-cache';

/** Party ids are short stable names, e.g. `client`, `api-a`, `authority`. */
export type PartyId = string;

/** What a party is, which decides its colour and icon on the canvas. */
export type PartyKind =
  | 'authority'
  | 'daemon'
  | 'web-app'
  | 'spa'
  | 'middle-tier-api'
  | 'api'
  | 'saml-service'
  | 'browser'
  | 'user';

/**
 * How a confidential client authenticates at the token endpoint.
 * - `client_secret_post`: `client_secret` in the body (RFC 6749 section 2.3.1).
 * - `client_secret_basic`: `Authorization: Basic base64(urlencode(id):urlencode(secret))`.
 * - `private_key_jwt`: a signed `client_assertion` (RFC 7523 section 2.2) with `key`: a committed
 *   fixture key by name, or a key the editor generated (`{ pkcs8, certificate }`, see
 *   {@link GeneratedSigningKey}; a key that cannot be imported makes the client send no credential);
 *   PS256 sends `x5t#S256`, RS256 sends `x5t`. `audience`, `lifetimeSeconds` and `notBeforeOffsetSeconds`
 *   exist for what-ifs.
 * - `none`: no credential (shows AADSTS7000218).
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export type ClientCredential =
  | { type: 'client_secret_post'; secret: string }
  | { type: 'client_secret_basic'; secret: string }
  | {
      type: 'private_key_jwt';
      key: FixtureKeyName | GeneratedSigningKey;
      alg: SigningAlg;
      audience?: string;
      lifetimeSeconds?: number;
      notBeforeOffsetSeconds?: number;
    }
  | { type: 'none' };

/** Which token endpoint a request goes to: `v2` = `/oauth2/v2.0/token` (`scope`), `v1` = `/oauth2/token` (`resource`). */
export type EndpointVersion = 'v1' | 'v2';

/**
 * A step of a client's program. `id` keys the narration of the messages it sends. `wait` is a
 * clock beat: the run stops until the person picks one of `choices` (seconds), then time moves on
 * (for token lifetime lessons: a cached token still valid, or past `exp`).
 */
export type ClientAction =
  | { do: 'wait'; id: string; title: string; choices: ClockChoice[] }
  | {
      do: 'acquire-token';
      id: string;
      grant: 'client_credentials';
      endpoint: EndpointVersion;
      /** v2: space-separated scopes. */
      scope?: string;
      /** v1: the resource's App ID URI or app id. */
      resource?: string;
      /** Name under which the client keeps the access token. */
      saveAs: string;
    }
  | {
      do: 'call-api';
      id: string;
      target: PartyId;
      method: 'GET';
      path: string;
      /** Name of the token the client sends as `Authorization: Bearer`. */
      token: string;
    };

/** A client party: starts the flow by running its program. */
export interface ClientParty {
  id: PartyId;
  kind: 'daemon' | 'spa';
  label: string;
  appId: string;
  description: string;
  credential: ClientCredential;
  program: ClientAction[];
  /** When set, the client keeps its tokens in a cache (see {@link TokenCacheSettings}). */
  tokenCache?: TokenCacheSettings;
  /** When set, the client has a sign-up page and runs its program after admin consent. */
  signUp?: ClientSignUp;
}

/**
 * How an API validates bearer tokens (what Microsoft.Identity.Web and jose do).
 * Times are seconds.
 */
export interface BearerValidation {
  /** Accepted `aud` values (app id and App ID URIs). */
  audiences: string[];
  /** When false the API skips the `aud` check (a misconfiguration some what-ifs show). */
  validateAudience: boolean;
  /** Delegated calls must carry one of these in `scp`. */
  requiredScopes: string[];
  /** App-only calls must carry one of these in `roles`. */
  requiredRoles: string[];
  /** Whether app-only tokens (no `scp`) are accepted at all. */
  allowAppOnly: boolean;
  /** Leeway for `exp`/`nbf`, seconds (Microsoft.Identity.Web's default is 300). */
  clockToleranceSeconds: number;
  /**
   * A multi-tenant API (as Microsoft Graph is) accepts tokens from any tenant: `iss` must be the
   * issuer of the token's own `tid` instead of the API's home tenant's.
   * @see https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-issuer
   */
  anyTenant?: boolean;
}

/** The OBO call a middle-tier API makes before answering. */
export interface OboCall {
  id: string;
  credential: ClientCredential;
  endpoint: EndpointVersion;
  /** v2: e.g. `api://downstream/Reports.Read offline_access`. */
  scope?: string;
  /** v1: App ID URI of the downstream API. */
  resource?: string;
  /**
   * Asks for a SAML assertion instead of a JWT (`requested_token_type`); `scope` is then
   * `<SAML entity ID>/.default` and the downstream party is a {@link SamlServiceParty}.
   * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
   */
  requestedTokenType?:
    'urn:ietf:params:oauth:token-type:saml2' | 'urn:ietf:params:oauth:token-type:saml1';
  /** The downstream API party and the request it makes there. */
  downstream: PartyId;
  path: string;
  /**
   * When set, the middle tier keeps token B per incoming token A (MSAL's OBO cache, keyed by the
   * assertion's hash) until `refreshBeforeExpirySeconds` before `exp`.
   */
  tokenCache?: TokenCacheSettings;
}

/** A resource API party; with `obo` it is a middle tier that calls a downstream API. */
export interface ApiParty {
  id: PartyId;
  kind: 'api' | 'middle-tier-api';
  label: string;
  appId: string;
  description: string;
  /** Base URL, e.g. `https://orders.contoso.example`. */
  baseUrl: string;
  validation: BearerValidation;
  /** JSON the API returns on success, merged with a `caller` summary read from the token. */
  data: Record<string, unknown>;
  obo?: OboCall;
  /**
   * Trusted subsystem: on an app-only call, the API takes the user the calling app names in this
   * request header (e.g. `X-On-Behalf-Of-User`) as the user it acts for. Nobody signed that value:
   * the API trusts the app to have authenticated the user.
   * @see https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/web-api
   */
  trustedUserHeader?: string;
}

/**
 * A SAML-protected web service (its app registration, looked up by `appId`, holds the entity ID in
 * `identifierUris` and the reply URLs). It takes a SAML assertion as `Authorization: SAML
 * <base64 of the assertion XML>` (the header Apache CXF's SAML handlers read; SOAP services carry
 * the same assertion in a WS-Security header), fetches the authority's federation metadata over
 * the network for the signing certificate, and checks, in order: version, signature, `Issuer`,
 * `Audience` = `entityId`, `NotBefore`/`NotOnOrAfter` with `clockToleranceSeconds` (seconds), and
 * the bearer `Recipient` = `recipientUrl`. It answers 200 with `data` or 401 with the reason.
 * @see https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf (section 4.1.4.3)
 */
export interface SamlServiceParty {
  id: PartyId;
  kind: 'saml-service';
  label: string;
  appId: string;
  description: string;
  /** Base URL, e.g. `https://timesheets.contoso.example`. */
  baseUrl: string;
  /** The SAML entity ID the service expects as `Audience`. */
  entityId: string;
  /** The URL it expects as `SubjectConfirmationData/@Recipient` (its assertion consumer URL). */
  recipientUrl: string;
  /** The SAML version it understands. */
  samlVersion: '2.0' | '1.1';
  clockToleranceSeconds: number;
  /** JSON it returns on success, merged with a `caller` summary read from the assertion. */
  data: Record<string, unknown>;
}

/** The authority party (one per scenario). */
export interface AuthorityParty {
  id: PartyId;
  kind: 'authority';
  label: string;
  description: string;
}

/** Any party. */
export type Party =
  | ClientParty
  | WebAppParty
  | ApiParty
  | SamlServiceParty
  | AuthorityParty
  | BrowserParty
  | UserParty;

/**
 * A token some party already holds when the scenario starts (the "starting fact"), minted by the
 * authority before step 1. `ageSeconds` is how long before the start it was issued.
 */
export interface StartingToken {
  name: string;
  holder: PartyId;
  title: string;
  description: string;
  spec:
    | {
        kind: 'delegated';
        userId: string;
        clientAppId: string;
        /** Resource app id or App ID URI. */
        resource: string;
        scopes: string[];
        amr: string[];
        ageSeconds: number;
        /** Fixed lifetime in seconds instead of the random 60-90 minutes (for expiry lessons). */
        lifetimeSeconds?: number;
      }
    | {
        kind: 'app-only';
        clientAppId: string;
        resource: string;
        ageSeconds: number;
        lifetimeSeconds?: number;
      };
}

/** The text shown for a step: what happens, why, and the doc that says so. */
export interface Narration {
  title: string;
  text: string;
  docs: DocRef[];
}

/** Narration for the messages of one action: the request, and its success, redirect or error response. */
export interface ActionNarration {
  request: Narration;
  response?: Narration;
  error?: Narration;
  /** Used when the response is a redirect (e.g. the app starting another sign-in). */
  redirect?: Narration;
}

/**
 * A what-if switch: a pure override of the scenario's data (registrations, policies, party
 * settings), never a separate code path. `expect` says which documented branch it should show.
 */
export interface VariantDefinition {
  id: string;
  label: string;
  description: string;
  expect:
    | { code: AadstsCode; httpStatusAtClient?: number }
    | { httpStatusAtClient: number }
    | { clientError: string; httpStatusAtClient?: number };
  /** Decisions tests and "play it for me" use with this variant instead of the scenario's `userScript`. */
  userScript?: UserDecision[];
  /**
   * The person's answers this what-if makes (at most one per prompt kind), for what-ifs that stand
   * for a decision ("the user cancels consent", "the user comes back after 91 days"). At a prompt of
   * that kind the run uses this answer whatever the person picks, and the pending prompt carries it
   * as {@link PromptPreset} so the screen can show it pre-selected and play can go on by itself.
   */
  decides?: UserDecision[];
  apply: (scenario: ScenarioDefinition) => ScenarioDefinition;
}

/** A complete scenario. Plain data apart from variant `apply` functions. */
export interface ScenarioDefinition {
  id: ScenarioId;
  title: string;
  /** One paragraph shown under the title. */
  summary: string;
  category: 'Client credentials' | 'On-Behalf-Of' | 'Sign-in and consent' | 'Consent and tenants';
  /** Simulated start time, epoch seconds. */
  startTime: number;
  tenantId: string;
  directory: Directory;
  parties: Party[];
  /** The client that runs its program to start the flow. */
  starter: PartyId;
  startingTokens: StartingToken[];
  /** The decisions tests and "play it for me" use; the person at the screen makes their own. */
  userScript?: UserDecision[];
  /** Narration keyed by action id (client actions, `obo` calls, and `jwks`). */
  narration: Record<string, ActionNarration>;
  docs: DocRef[];
  variants: VariantDefinition[];
  /** Canvas positions in px, keyed by party id. */
  layout: Record<PartyId, { x: number; y: number }>;
}
