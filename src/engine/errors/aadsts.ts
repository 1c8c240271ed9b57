// The AADSTS catalogue: every error the simulated authority can return, with its explanation.
import type { DocRef } from './docs';
import { GRANT_ENTRIES } from './aadsts-grants';
import { SIGN_IN_ENTRIES } from './aadsts-sign-in';
import { TOKEN_REQUEST_ENTRIES } from './aadsts-token';

/** OAuth 2.0 `error` values the authority returns (RFC 6749 section 5.2 plus the platform's own). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'interaction_required'
  | 'unsupported_response_type'
  | 'consent_required'
  | 'login_required'
  | 'access_denied';

/**
 * One catalogue entry: wire facts (`error`, HTTP status, message) and the teaching text. `Code`
 * is {@link AadstsCode} for a catalogue entry; the entry lists are checked against
 * `AadstsEntry<number>` because the codes are derived from them.
 */
export interface AadstsEntry<Code extends number = AadstsCode> {
  code: Code;
  error: OAuthErrorCode;
  /** HTTP status of the token-endpoint response (`invalid_client` is 401, the rest 400). */
  status: 400 | 401 | 405;
  /** Where the authorize endpoint shows it: an error page (never a redirect), or a redirect. */
  presentation?: 'page' | 'redirect';
  /** Short name, e.g. "Invalid client secret". */
  title: string;
  /** The message after `AADSTSnnnn: `; `{name}` placeholders are filled from the failure's args. */
  message: string;
  /** Why this happened, in plain words. */
  why: string;
  /** How to fix it. */
  fix: string;
  docs: readonly DocRef[];
}

/** Every entry, in the order of its area files (token request, grants, sign-in). */
const ENTRIES = [
  ...TOKEN_REQUEST_ENTRIES,
  ...GRANT_ENTRIES,
  ...SIGN_IN_ENTRIES,
] as const satisfies readonly AadstsEntry<number>[];

/**
 * The AADSTS codes the simulator implements: a closed union derived from the catalogue entries,
 * so a code without an entry does not compile.
 *
 * @example
 * ```ts
 * function reaction(code: AadstsCode): string {
 *   switch (code) {
 *     case 50076: // MFA required: relay the claims challenge to the client
 *     case 50079:
 *       return 'step-up';
 *     case 700082: // refresh token expired
 *     case 50173: // refresh token revoked
 *       return 'sign-in-again';
 *     default:
 *       return AADSTS[code].fix; // `code` is narrowed to the remaining codes
 *   }
 * }
 * ```
 */
export type AadstsCode = (typeof ENTRIES)[number]['code'];

/** The catalogue keyed by code: exactly one entry for each {@link AadstsCode}. */
export const AADSTS: Readonly<Record<AadstsCode, AadstsEntry>> = byCode(ENTRIES);

/** Keys `entries` by code; every {@link AadstsCode} comes from an entry, so the record is complete. */
function byCode(entries: readonly AadstsEntry[]): Record<AadstsCode, AadstsEntry> {
  const table = {} as Record<AadstsCode, AadstsEntry>;
  for (const entry of entries) table[entry.code] = entry;
  return table;
}

/** Whether `code` is a code of the catalogue (narrows a number read off the wire). */
export function isAadstsCode(code: number | undefined): code is AadstsCode {
  return code !== undefined && Object.hasOwn(AADSTS, code);
}

/** Fills `{name}` placeholders of a catalogue text; unknown placeholders stay as written. */
export function fillTemplate(template: string, args: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}

/** The "why / how to fix" card of an AADSTS code, placeholders filled from `args`. */
export interface AadstsCard {
  code: AadstsCode;
  error: OAuthErrorCode;
  title: string;
  why: string;
  fix: string;
  docs: DocRef[];
}

/**
 * The catalogue card for `code` with `why` and `fix` filled from `args` (unknown placeholders stay
 * as written); `undefined` when `code` is not in the catalogue.
 */
export function cardForCode(
  code: number | undefined,
  args: Record<string, string | undefined> = {},
): AadstsCard | undefined {
  if (!isAadstsCode(code)) return undefined;
  const entry = AADSTS[code];
  return {
    code: entry.code,
    error: entry.error,
    title: entry.title,
    why: fillTemplate(entry.why, args),
    fix: fillTemplate(entry.fix, args),
    docs: [...entry.docs],
  };
}
