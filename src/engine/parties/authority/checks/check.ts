// The check framework: each authority rule is a named check that passes or returns a documented failure.
import type { SimClock } from '../../../core/clock';
import type { SeededRandom } from '../../../core/random';
import type {
  AppRegistration,
  Directory,
  ServicePrincipal,
  Tenant,
  User,
} from '../../../directory/model';
import type { AadstsCode, DocRef } from '../../../errors';
import type { HttpRequest } from '../../../http/message';

export type { CheckName } from '../../../model/checks';
import type { CheckName } from '../../../model/checks';

/** A failing check's result: the AADSTS code plus what the message and explanation need. */
export interface CheckFailure {
  code: AadstsCode;
  /** Values for the catalogue's `{placeholders}`. */
  args?: Record<string, string | undefined>;
  /** Platform `suberror` (e.g. `consent_required`, `basic_action`). */
  suberror?: string;
  /** Claims challenge JSON string (the `claims` field of the error body). */
  claims?: string;
}

/** How the authority remembers a token it issued: `aio` is opaque to everyone else. */
export interface IssuedTokenRecord {
  userId?: string;
  amr: string[];
  /** An ID token the authorize endpoint issued through the implicit grant (no code). */
  implicitIdToken?: boolean;
}

/** What the authority knows while handling one request, shared by all its endpoints. */
export interface AuthorityEnv {
  directory: Directory;
  clock: SimClock;
  random: SeededRandom;
  /** Tokens this authority issued, keyed by `uti`. */
  issued: Map<string, IssuedTokenRecord>;
  /** Refresh tokens issued (opaque value -> facts), for later grants. Times in epoch seconds. */
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** Authorize requests waiting for sign-in, MFA or consent, keyed by flow id. */
  flows: Map<string, AuthorizeFlow>;
  /** Authorization codes issued, keyed by code value. */
  codes: Map<string, AuthorizationCodeRecord>;
  /** Browser sessions with the authority (the ESTSAUTH cookie), keyed by session id. */
  sessions: Map<string, { userId: string; amr: string[] }>;
}

/** A refresh token's facts. `resourceAppId` is the resource of the grant it came with. */
export interface RefreshTokenRecord {
  clientAppId: string;
  userId: string;
  scopes: string[];
  resourceAppId?: string;
  amr?: string[];
  issuedAt: number;
  lastUsedAt?: number;
}

/** A validated authorize request in progress (authorization endpoint, RFC 6749 section 4.1.1). */
export interface AuthorizeFlow {
  id: string;
  endpoint: 'v1' | 'v2';
  tenantId: string;
  clientAppId: string;
  /** Where the response goes (after wildcard stripping). */
  redirectTo: string;
  /** The platform list the redirect URI matched: `web` codes need a client credential. */
  platform: 'web' | 'spa' | 'publicClient';
  /** The redirect_uri as sent, which the token request must repeat. */
  redirectUri: string;
  responseType: string[];
  responseMode: 'query' | 'fragment' | 'form_post';
  /** Resource scopes as (resource, permission) pairs. */
  resourceScopes: { resource: string; permission: string }[];
  oidcScopes: string[];
  state?: string;
  nonce?: string;
  prompt?: string;
  loginHint?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  claims?: string;
  /**
   * A flow of the admin consent endpoint (`/{tenant}/v2.0/adminconsent`, v1 `/adminconsent`): no
   * code or token, the admin grants tenant-wide and the answer is `admin_consent=True&tenant=...`.
   * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
   */
  adminConsent?: boolean;
}

/** An issued authorization code (single use, ~10 minutes). Times in epoch seconds. */
export interface AuthorizationCodeRecord {
  flow: AuthorizeFlow;
  userId: string;
  amr: string[];
  sessionId: string;
  /** Scopes granted per resource app id. */
  scopesByResource: Record<string, string[]>;
  issuedAt: number;
  expiresAt: number;
  redeemed: boolean;
}

/** A resolved target resource of a token request. */
export interface ResolvedResource {
  app: AppRegistration;
  sp: ServicePrincipal;
  /** The identifier the client used (v1 `aud` repeats it). */
  identifier: string;
  /** Requested permission values (without the resource prefix); `['.default']` for `/.default`. */
  permissions: string[];
}

/**
 * Mutable context of one token request: parsed input first, then what checks resolve
 * (tenant, client, resource, user) for the checks after them.
 */
export interface TokenContext {
  readonly env: AuthorityEnv;
  readonly request: HttpRequest;
  readonly url: URL;
  readonly endpoint: 'v1' | 'v2';
  readonly tenantSegment: string;
  /** Body parameters (first value of each name). */
  readonly form: ReadonlyMap<string, string>;
  /** Client id and secret from `Authorization: Basic`, if sent. */
  readonly basic?: { clientId: string; secret: string };
  tenant?: Tenant;
  clientId?: string;
  client?: AppRegistration;
  clientSp?: ServicePrincipal;
  /** `azpacr`/`appidacr`: `'0'` public client, `'1'` secret, `'2'` certificate. */
  clientAuth?: '0' | '1' | '2';
  /** Resolved once the target resource checks pass. */
  resource?: ResolvedResource;
  /** OIDC scopes asked for alongside (`offline_access`, `openid`...). */
  oidcScopes: Set<string>;
  /** OBO: the verified incoming assertion. */
  assertion?: { header: Record<string, unknown>; payload: Record<string, unknown> };
  user?: User;
  /** Delegated scopes the issued token will carry. */
  grantedScopes?: string[];
  /** authorization_code: the code being redeemed. */
  code?: AuthorizationCodeRecord;
  /** refresh_token: the refresh token being redeemed and its value. */
  refresh?: { value: string; record: RefreshTokenRecord };
}

/**
 * What every named rule of an endpoint states: its name, the rule in one sentence (shown in the
 * inspector as "Rule: ..."), and the document that sets it.
 */
export interface Rule<Name extends string = CheckName> {
  name: Name;
  /** The rule in one sentence, with its source. */
  rule: string;
  /** The RFC section or platform doc the rule comes from (linked next to the rule text). */
  source?: DocRef;
}

/** One rule of an endpoint, run against the endpoint's context `Ctx`; nothing when the rule holds. */
export interface Check<Ctx = TokenContext> extends Rule {
  run(ctx: Ctx): CheckFailure | undefined | Promise<CheckFailure | undefined>;
}

/** Outcome of running an ordered list of checks; `failed` names the check and repeats its rule. */
export interface ChecksOutcome {
  passed: CheckName[];
  failed?: { check: CheckName; failure: CheckFailure; rule: string; source?: DocRef };
}

/** Runs `checks` in order and stops at the first failure (node-oidc-provider style). Never throws. */
export async function runChecks<Ctx>(
  checks: readonly Check<Ctx>[],
  ctx: Ctx,
): Promise<ChecksOutcome> {
  const passed: CheckName[] = [];
  for (const check of checks) {
    const failure = await check.run(ctx);
    if (failure)
      return {
        passed,
        failed: {
          check: check.name,
          failure,
          rule: check.rule,
          ...(check.source ? { source: check.source } : {}),
        },
      };
    passed.push(check.name);
  }
  return { passed };
}

/**
 * What a grant may rely on once its checks passed: tenant, client, client service principal and
 * resource. Throws `Error` only on a programming error (issuing before the checks resolved them).
 */
export function resolvedContext(ctx: TokenContext) {
  const { tenant, client, clientSp, resource } = ctx;
  if (!tenant || !client || !clientSp || !resource) {
    throw new Error(
      'A grant tried to issue before its checks resolved tenant, client and resource.',
    );
  }
  return { tenant, client, clientSp, resource };
}
