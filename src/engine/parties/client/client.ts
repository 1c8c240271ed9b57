// A client party: runs its program of token requests, API calls and clock beats, keeping the tokens it receives.
import { advanceClock } from '../../core/clock';
import type { ClientAction, ClientParty, PromptPreset, UserDecision } from '../../model/scenario';
import type { PendingPrompt } from '../../model/trace';
import type { PartyEnv } from '../shared/env';
import { postTokenRequest } from '../shared/token-request';

/** How a client program ended: `ok` when every action succeeded; otherwise the first failing action. */
export interface ClientOutcome {
  ok: boolean;
  failedAction?: string;
  status?: number;
  /** Set when the program stopped at a clock beat nobody answered yet. */
  pending?: PendingPrompt;
  /** The clock decisions the program consumed, in order. */
  used: UserDecision[];
}

/** A token the client keeps (MSAL's access-token cache entry). `expiresAt` is epoch seconds. */
export interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * What a client keeps between actions (and between runs of its program inside one simulation):
 * named tokens (starting facts in, new ones out) and, with `tokenCache`, its token cache keyed by
 * tenant and scope or resource.
 */
export interface ClientState {
  tokens: Map<string, string>;
  cache: Map<string, CachedToken>;
}

/** The person's answers at the program's clock beats, as the browser takes them. */
export interface ClientDecisions {
  decisions: readonly UserDecision[];
  presets?: readonly PromptPreset[];
  /** When the decisions run out at a beat a what-if answers, answer it instead of pausing. */
  answerPresets?: boolean;
}

type AcquireAction = Extract<ClientAction, { do: 'acquire-token' }>;

/** The cache key of a token request: tenant plus the v2 scope or v1 resource (MSAL keys by both). */
export function tokenCacheKey(tenantId: string, action: AcquireAction): string {
  return `${tenantId} ${action.endpoint === 'v2' ? (action.scope ?? '') : (action.resource ?? '')}`;
}

/**
 * Serves `action` from the cache when the client keeps one and its entry is still good for more
 * than `refreshBeforeExpirySeconds` (MSAL: 5 minutes before `exp`). Emits a `token.cache` event
 * (hit, miss or expired) attached to the next message. Returns the cached token on a hit.
 * @see https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/client-credential-flows
 */
function fromCache(
  party: ClientParty,
  state: ClientState,
  env: PartyEnv,
  action: AcquireAction,
): string | undefined {
  if (!party.tokenCache) return undefined;
  const key = tokenCacheKey(env.tenantId, action);
  const entry = state.cache.get(key);
  const refreshAt = entry ? entry.expiresAt - party.tokenCache.refreshBeforeExpirySeconds : 0;
  const hit = entry !== undefined && env.clock.now < refreshAt;
  env.network.emit({
    type: 'token.cache',
    party: party.id,
    key,
    outcome: hit ? 'hit' : entry ? 'expired' : 'miss',
    now: env.clock.now,
    ...(entry ? { expiresAt: entry.expiresAt, refreshAt } : {}),
  });
  return hit ? entry.token : undefined;
}

/** `expires_in` of a token response in seconds (a number in v2.0, a string in v1.0); 0 if absent. */
function expiresIn(body: Record<string, unknown>): number {
  const value = Number(body.expires_in);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Runs `party.program` in order in `env.tenantId`. Stops at the first non-2xx response, as a real
 * client would, and at a `wait` beat without an answer (`pending`). A `wait` consumes the next
 * `clock` decision (or an enabled what-if's) and moves the clock on. `acquire-token` is answered
 * from the cache when the client keeps one (see {@link fromCache}); client credentials never
 * returns a refresh token, so an expired token is simply requested again.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export async function runClientProgram(
  party: ClientParty,
  state: ClientState,
  env: PartyEnv,
  answers: ClientDecisions = { decisions: [] },
): Promise<ClientOutcome> {
  const used: UserDecision[] = [];
  for (const action of party.program) {
    if (action.do === 'wait') {
      const preset = answers.presets?.find((p) => p.decision.prompt === 'clock');
      const given = answers.decisions[used.length];
      const decision = (given ? given.prompt === 'clock' : preset && answers.answerPresets)
        ? (preset?.decision ?? given)
        : undefined;
      if (decision?.prompt !== 'clock') {
        const pending: PendingPrompt = {
          prompt: 'clock',
          userName: '',
          title: action.title,
          now: env.clock.now,
          choices: action.choices,
          ...(preset ? { preset } : {}),
        };
        return { ok: true, used, pending };
      }
      used.push(decision);
      env.network.emit({
        type: 'user.decided',
        decision,
        ...(preset ? { setBy: preset.whatIf } : {}),
      });
      advanceClock(env.clock, decision.seconds);
      continue;
    }
    if (action.do === 'acquire-token') {
      const cached = fromCache(party, state, env, action);
      if (cached) {
        state.tokens.set(action.saveAs, cached);
        continue;
      }
      const { response, body: json } = await postTokenRequest(env, {
        partyId: party.id,
        clientId: party.appId,
        credential: party.credential,
        endpoint: action.endpoint,
        before: action.endpoint === 'v2' ? { scope: action.scope } : { resource: action.resource },
        after: { grant_type: action.grant },
        tag: action.id,
      });

      if (response.status !== 200 || typeof json.access_token !== 'string') {
        return { ok: false, failedAction: action.id, status: response.status, used };
      }
      state.tokens.set(action.saveAs, json.access_token);
      if (party.tokenCache)
        state.cache.set(tokenCacheKey(env.tenantId, action), {
          token: json.access_token,
          expiresAt: env.clock.now + expiresIn(json),
        });
      continue;
    }
    const token = state.tokens.get(action.token);
    const base = env.partyUrls.get(action.target) ?? `https://${action.target}.invalid`;
    const response = await env.network.send(
      party.id,
      {
        method: action.method,
        url: `${base}${action.path}`,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          Accept: 'application/json',
        },
      },
      action.id,
    );
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, failedAction: action.id, status: response.status, used };
    }
  }
  return { ok: true, used };
}
