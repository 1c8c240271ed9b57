// Client-side errors: what the confidential web app refuses or reports on its own (state, ID token, API).
import type { ErrorCard } from '../model/trace';
import { cardForCode, fillTemplate } from './aadsts';
import { DOCS } from './docs';

/** The errors a client detects itself (closed list). */
export type ClientErrorKind =
  | 'no-session'
  | 'state-mismatch'
  | 'id-token-rejected'
  | 'front-channel-id-token-rejected'
  | 'api-refused';

/** Documentation of the client-side error cards. */
export const CLIENT_DOCS = [DOCS.authCode, DOCS.oidc];

/** Title, why and fix of each client error; `{problem}` is the validation failure in words. */
export const CLIENT_ERRORS: Readonly<
  Record<ClientErrorKind, { title: string; why: string; fix: string }>
> = {
  'no-session': {
    title: 'No sign-in in progress',
    why: 'The response arrived without the session cookie of the browser that started the sign-in.',
    fix: 'Start the sign-in again from the app.',
  },
  'state-mismatch': {
    title: 'State mismatch detected by the client',
    why: 'The state value coming back is not the one this browser session sent, so this response belongs to another sign-in: a forged (CSRF) response or a stale tab. The app must not redeem the code.',
    fix: 'Keep state per browser session, compare it on the redirect, and reject mismatches (RFC 6749 section 10.12).',
  },
  'id-token-rejected': {
    title: 'ID token rejected',
    why: '{problem}',
    fix: 'Check nonce handling.',
  },
  'front-channel-id-token-rejected': {
    title: 'ID token rejected',
    why: '{problem}',
    fix: 'Check nonce and c_hash handling.',
  },
  'api-refused': {
    title: 'The API refused the call',
    why: 'See the API response step: its body and WWW-Authenticate header say why.',
    fix: 'Fix what the API reported, then sign in again.',
  },
};

/** The error card of a client error, `{placeholders}` filled from `args`. */
export function clientErrorCard(
  kind: ClientErrorKind,
  args: Record<string, string | undefined> = {},
): ErrorCard {
  const text = CLIENT_ERRORS[kind];
  return {
    title: text.title,
    why: fillTemplate(text.why, args),
    fix: fillTemplate(text.fix, args),
    docs: CLIENT_DOCS,
  };
}

/**
 * `{ error: card }` for the AADSTS code an error description names (`AADSTSnnnn:`), as a client
 * reads it from an error redirect or a token error body; `{}` when it names no catalogue code.
 */
export function errorFromDescription(description: string): { error?: ErrorCard } {
  const card = cardForCode(Number(/AADSTS(\d+)/.exec(description)?.[1] ?? NaN));
  return card ? { error: card } : {};
}
