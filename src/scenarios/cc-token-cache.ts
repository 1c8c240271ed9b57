// Issue 10 section 5: a daemon calls the API twice, an hour apart; its token cache decides whether it asks again.
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  ClientParty,
  ScenarioDefinition,
  VariantDefinition,
} from '../engine/index';
import { clientCredentialsNarration, clientCredentialsScenario } from './client-credentials-base';
import { SECRET } from './contoso';

/** MSAL refreshes a cached access token 5 minutes before it expires. Seconds. */
const MSAL_REFRESH_MARGIN_SECONDS = 300;

/** The daemon's program: token, call, an hour's wait (the person may pick another), token, call. */
function cachingDaemon(party: ClientParty): ClientParty {
  const acquire = party.program.find((a) => a.do === 'acquire-token');
  const call = party.program.find((a) => a.do === 'call-api');
  if (!acquire || !call) return party;
  return {
    ...party,
    tokenCache: { refreshBeforeExpirySeconds: MSAL_REFRESH_MARGIN_SECONDS },
    program: [
      acquire,
      call,
      {
        do: 'wait',
        id: 'next-run',
        title: 'The daemon runs again later. How much later?',
        choices: [
          { label: '5 minutes later', seconds: 5 * 60 },
          { label: 'An hour later', seconds: 3600 },
          { label: 'Two hours later (past exp)', seconds: 2 * 3600 },
        ],
      },
      { ...acquire, id: 'get-token-again' },
      { ...call, id: 'call-api-again' },
    ],
  };
}

const withDaemon = (
  s: ScenarioDefinition,
  change: (daemon: ClientParty) => void,
): ScenarioDefinition => {
  const daemon = s.parties.find((p) => p.id === 'daemon');
  if (daemon?.kind === 'daemon') change(daemon);
  return s;
};

/** What-if: the second run comes 5 minutes later: the cached token is served, nothing goes to the authority. */
export const FIVE_MINUTES_LATER: VariantDefinition = {
  id: 'five-minutes-later',
  label: 'The next run is 5 minutes later',
  description:
    'The daemon runs again after 5 minutes. Its cached token has far more than 5 minutes left, so MSAL returns it from the cache: no request to the authority.',
  expect: { httpStatusAtClient: 200 },
  decides: [{ prompt: 'clock', seconds: 5 * 60 }],
  apply: (s) => s,
};

/** What-if: the second run comes two hours later: past `exp`, so the daemon asks again (no refresh token). */
export const TWO_HOURS_LATER: VariantDefinition = {
  id: 'two-hours-later',
  label: 'The next run is two hours later',
  description:
    'Two hours later the token (60 to 90 minutes) has expired. Client credentials never gave a refresh token, so the daemon simply sends the same client credentials request again.',
  expect: { httpStatusAtClient: 200 },
  decides: [{ prompt: 'clock', seconds: 2 * 3600 }],
  apply: (s) => s,
};

/** What-if: no token cache: every run asks the authority (what MSAL saves you from). */
export const NO_CACHE: VariantDefinition = {
  id: 'no-token-cache',
  label: 'The daemon keeps no token cache',
  description:
    'A hand-written client that requests a new token before every call: the second run goes to the authority even when the first token is still valid, which costs a round trip and counts against the token service throttling limits.',
  expect: { httpStatusAtClient: 200 },
  apply: (s) =>
    withDaemon(s, (daemon) => {
      delete daemon.tokenCache;
    }),
};

const ccNarration = clientCredentialsNarration(
  'It proves its identity with client_secret in the form body. MSAL first looks in its token cache, keyed by client, tenant and scope: it is empty on the first run.',
);

const NARRATION: Record<string, ActionNarration> = {
  ...ccNarration,
  'get-token-again': {
    request: {
      title: 'The second run asks the authority again',
      text: 'MSAL keeps an access token until 5 minutes before exp, so it only gets here when the cached token is that close to expiry or past it ("What happened" shows the cache entry and its refresh time); a client without a cache gets here every time. It sends the same client credentials request: there is no refresh token to use, client credentials never returns one, because the app can always prove its identity again.',
      docs: [DOCS.tokenCache, DOCS.cc],
    },
    response: {
      title: 'A new token, with a new lifetime',
      text: 'A fresh app-only token: new iat, nbf and exp (60 to 90 minutes, chosen at random by the platform), same roles. The daemon replaces its cache entry.',
      docs: [DOCS.tokenLifetimes, DOCS.cc],
    },
    error: ccNarration['get-token']?.error ?? {
      title: 'The authority refuses the token request',
      text: 'See "Why this failed".',
      docs: [DOCS.cc],
    },
  },
  'call-api-again': {
    request: {
      title: 'The second run calls the API',
      text: 'Which token travels depends on the cache: "What happened" says whether it came from the cache (a hit: no message went to the authority before this one) or was just fetched. The API cannot tell the difference; it only checks that the token is valid now.',
      docs: [DOCS.tokenCache, DOCS.rfc6750Bearer],
    },
    response: {
      title: 'The API accepts the token',
      text: 'Signature, iss, aud, exp (with its clock tolerance) and the app role: the same checks as an hour ago.',
      docs: [DOCS.protectedApi],
    },
    error: {
      title: 'The API refuses the call',
      text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
      docs: [DOCS.rfc6750Challenge],
    },
  },
};

const base = clientCredentialsScenario({
  id: 'cc-token-cache',
  title: 'A daemon calls the API twice, an hour apart (token cache)',
  summary:
    "The daemon runs, gets an app-only token and calls the Orders API; later it runs again. Like MSAL, it keeps the token in a cache until 5 minutes before exp: a second call inside that window sends nothing to the authority, a later one simply asks again, since client credentials never returns a refresh token. You choose how much later; the token's lifetime (60 to 90 minutes) decides.",
  credential: { type: 'client_secret_post', secret: SECRET.daemon },
  howItAuthenticates: '',
  variants: [FIVE_MINUTES_LATER, TWO_HOURS_LATER, NO_CACHE],
});

/** The daemon with MSAL's token cache, and a clock beat between its two runs. */
export const CC_TOKEN_CACHE: ScenarioDefinition = {
  ...base,
  parties: base.parties.map((p) => (p.kind === 'daemon' ? cachingDaemon(p) : p)),
  userScript: [{ prompt: 'clock', seconds: 3600 }],
  narration: NARRATION,
  docs: [DOCS.tokenCache, DOCS.tokenLifetimes, DOCS.cc],
  // Only the cache lessons: the credential and permission what-ifs are in the other daemon scenarios.
  variants: [FIVE_MINUTES_LATER, TWO_HOURS_LATER, NO_CACHE],
};
