// The trace: steps (one HTTP message each), the events that explain them, and the run value.
import type { AadstsCode, DocRef } from '../errors';
import type { HttpRequest, HttpResponse } from '../http/message';
import type { ApiCheckName, CheckName } from './checks';
import type {
  ClockChoice,
  Narration,
  PartyId,
  PartyKind,
  PromptPreset,
  ScenarioId,
  UserDecision,
} from './scenario';

/** Events recorded while a party handles a message; attached to the next step recorded. */
export type TraceEvent =
  | {
      type: 'authority.checks';
      endpoint: string;
      /** Checks that passed, in the order they ran. */
      passed: CheckName[];
      /** The check that failed, its AADSTS code, and the rule it enforces (text and source). */
      failed?: { check: CheckName; code: AadstsCode; rule?: string; source?: DocRef };
    }
  | {
      type: 'api.checks';
      /** The API that validated the bearer token. */
      party: PartyId;
      /** Bearer-validation checks that passed, in the order they ran. */
      passed: ApiCheckName[];
      /** The check that failed, the rejection reason, and the rule it enforces (text and source). */
      failed?: { check: ApiCheckName; reason: string; rule: string; source: DocRef };
    }
  | {
      type: 'client.assertion.built';
      party: PartyId;
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
    }
  | {
      type: 'token.issued';
      /** `saml2` / `saml1`: a SAML assertion issued through OBO (`requested_token_type`). */
      tokenType: 'access_token' | 'refresh_token' | 'saml2' | 'saml1';
      version: '1.0' | '2.0' | null;
      audience: string;
      subject: 'app' | 'user';
      scp?: string;
      roles?: string[];
    }
  | {
      type: 'token.validated';
      party: PartyId;
      ok: boolean;
      /** The rule that failed, if any (RFC 7519 section 7.2 / RFC 6750 section 3.1 vocabulary). */
      reason?: string;
      detail: string;
    }
  | { type: 'jwks.cached'; party: PartyId; keys: number }
  | { type: 'user.signed-in'; userId: string; userName: string; amr: string[] }
  | { type: 'consent.prompted'; appName: string; scopes: string[] }
  | { type: 'consent.recorded'; grants: string[]; forOrganization: boolean }
  | { type: 'code.issued'; clientAppId: string; pkce: boolean; expiresIn: number }
  | {
      type: 'user.decided';
      /** The decision the browser consumed at a prompt (its `prompt` names the prompt). */
      decision: UserDecision;
      /** The label of the what-if that made this decision for the person, if one did. */
      setBy?: string;
    }
  | { type: 'client.check'; party: PartyId; ok: boolean; detail: string }
  | {
      type: 'reply-url.matched';
      registered: string;
      redirectTo: string;
      wildcard: boolean;
      platform: string;
    }
  | { type: 'claims.challenge'; party: PartyId; claims: string }
  | {
      /**
       * A client looked in its token cache before asking the authority (MSAL's behaviour): `hit`
       * (served from the cache, no request), `miss` (nothing cached) or `expired` (within the
       * refresh margin of `exp`, asked again). `key` is the tenant plus the scope or resource, or,
       * for OBO, the hash of the incoming assertion. Times are epoch seconds.
       */
      type: 'token.cache';
      party: PartyId;
      key: string;
      outcome: 'hit' | 'miss' | 'expired';
      now: number;
      expiresAt?: number;
      refreshAt?: number;
    }
  | {
      /**
       * Admin consent created these service principals and grants in `tenantId`: the client, the
       * APIs it needs and, through `knownClientApplications`, a middle tier's own downstream APIs.
       * @see https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals
       */
      type: 'tenant.provisioned';
      tenantId: string;
      tenantName: string;
      servicePrincipals: string[];
      appRoleAssignments: string[];
      grants: string[];
    };

/** What a step's message means for the flow, which decides its colour (redirects are amber). */
export type StepOutcome = 'request' | 'success' | 'redirect' | 'error';

/** The "why / how to fix" card of an error step. */
export interface ErrorCard {
  code?: AadstsCode;
  error?: string;
  title: string;
  why: string;
  fix: string;
  docs: DocRef[];
}

/**
 * One step = one HTTP message travelling from `from` to `to` at simulated time `time` (epoch
 * seconds). A request and its response share `exchange`; a response step carries both.
 */
export interface SimStep {
  index: number;
  exchange: number;
  kind: 'request' | 'response';
  from: PartyId;
  to: PartyId;
  time: number;
  /** The action id that caused the message (keys the narration). */
  tag: string;
  /** One line for the timeline, e.g. `POST /{tenant}/oauth2/v2.0/token` or `200 OK`. */
  label: string;
  request: HttpRequest;
  response?: HttpResponse;
  outcome: StepOutcome;
  events: TraceEvent[];
  narration: Narration;
  error?: ErrorCard;
}

/** A party as the canvas shows it. */
export interface PartyView {
  id: PartyId;
  kind: PartyKind;
  label: string;
  description: string;
  appId?: string;
  url?: string;
  /**
   * An API that trusts the calling app's word for the user (trusted subsystem): the request header
   * it reads the user from, e.g. `X-On-Behalf-Of-User`.
   */
  trustedUserHeader?: string;
  position: { x: number; y: number };
}

/** A fact true before step 1, e.g. "the user already holds token A". */
export interface StartingFact {
  title: string;
  description: string;
  holder: PartyId;
  token: string;
}

/** One claim of a decoded token, with its explanation; times are epoch seconds. */
export interface ClaimView {
  name: string;
  value: unknown;
  explanation: string;
  isTime: boolean;
}

/** Signature status of a JWT as checked by the inspector. */
export type SignatureStatus =
  | { status: 'valid'; signer: string; detail: string }
  | { status: 'invalid'; signer?: string; detail: string }
  /** A token for a Microsoft API (Graph): third parties must not validate it (access-tokens doc). */
  | { status: 'not-for-you'; detail: string }
  /** A pasted token signed by a key that is not one of the simulator's: not checkable offline. */
  | { status: 'unknown-key'; detail: string };

/** A decoded and checked JWT found in a message or starting fact. */
export interface TokenInspection {
  token: string;
  /** What the token is, from its claims and where it travelled. */
  kind: 'access_token' | 'id_token' | 'client_assertion' | 'jwt' | 'saml_assertion';
  /** Access-token format (`ver`), when present. */
  version: '1.0' | '2.0' | null;
  header: Record<string, unknown>;
  claims: ClaimView[];
  signature: SignatureStatus;
  /** Plain-words summary, e.g. "App-only token for Orders API (roles: Orders.Read.All)". */
  summary: string;
  /** For `saml_assertion` (then `header` is `{}` and `claims` holds one row per element). */
  saml?: SamlInspection;
}

/**
 * A decoded SAML assertion (`token` is the base64url or base64 text that travelled): its version,
 * its `ID` / `AssertionID` (the same assertion travels in two encodings), and the XML
 * pretty-printed for reading (the signed bytes are the compact form).
 */
export interface SamlInspection {
  version: '2.0' | '1.1';
  id: string;
  prettyXml: string;
}

/**
 * Where in one HTTP message a JWT travelled: a header (`Authorization: Bearer ...`), a parameter of
 * the request URL's query, a form parameter of the body, a top-level field of a JSON body, a
 * parameter of a redirect's `Location` (query or fragment), a field of an HTML `form_post` page,
 * or elsewhere in the body (`body`: a page's text, a nested JSON value).
 */
export type TokenPlace =
  | { in: 'header'; name: string }
  | { in: 'query'; name: string }
  | { in: 'form'; name: string }
  | { in: 'json'; name: string }
  | { in: 'location'; name: string; part: 'query' | 'fragment' }
  | { in: 'page'; name: string }
  | { in: 'body' };

/**
 * One appearance of a JWT of {@link SimulationRun.tokens} in a message: the request of step
 * `step` (a request step) or the response of step `step` (a response step).
 */
export interface TokenSighting {
  token: string;
  step: number;
  message: 'request' | 'response';
  place: TokenPlace;
}

/** One permission line of a consent prompt. */
export interface ConsentPromptItem {
  description: string;
  scope: string;
  resourceName: string;
  /** The app that receives the grant (differs from the signing-in app for combined consent). */
  clientName: string;
  adminOnly: boolean;
  via: 'client' | 'known-client';
  /** `Role` = an application permission (admin consent); absent or `Scope` = delegated. */
  type?: 'Scope' | 'Role';
}

/**
 * A prompt the run stopped at, waiting for the person at the screen. Times are epoch seconds.
 * `userName` is the display name of the user at the browser (e.g. `Grace Hopper`). `preset` is the
 * answer an enabled what-if makes for the person: the run uses it whatever is answered.
 */
export type PendingPrompt = (
  | { prompt: 'sign-in'; appName: string; userName: string; userPrincipalName: string }
  | { prompt: 'mfa'; userName: string; reason: string }
  | {
      prompt: 'consent';
      appName: string;
      publisher: string;
      userName: string;
      items: ConsentPromptItem[];
      canConsentForOrganization: boolean;
      /**
       * The admin consent page (`/adminconsent`): the admin grants every listed permission for the
       * whole tenant, application permissions included.
       */
      adminConsent?: boolean;
    }
  | { prompt: 'clock'; userName: string; title: string; now: number; choices: ClockChoice[] }
) & { preset?: PromptPreset };

/** A finished run: everything the UI renders, as plain data. */
export interface SimulationRun {
  scenarioId: ScenarioId;
  title: string;
  variants: string[];
  seed: number;
  startTime: number;
  parties: PartyView[];
  startingFacts: StartingFact[];
  steps: SimStep[];
  /** Every JWT that appears anywhere in the run, keyed by the compact token. */
  tokens: Record<string, TokenInspection>;
  /**
   * Where each JWT of `tokens` travelled, in wire order: step by step, and inside a message the
   * request URL, then headers, then body. A request appears once, at its request step (the
   * response step of the same exchange repeats the request but adds no sightings for it).
   */
  tokenSightings: TokenSighting[];
  /**
   * How the run ended. `failedStep` (0-based) is the step whose error decided a failed run: the
   * authority's last error, else the first relayed one, else the last error (see `runScenario`).
   */
  result: { ok: boolean; summary: string; failedStep?: number };
  /** Set when the run stopped at a prompt: answer it by re-running with one more decision. */
  pendingPrompt?: PendingPrompt;
  /** The decisions this run consumed, in order. */
  decisions: UserDecision[];
}
