// AUTHORIZE_CHECKS: the authorize endpoint as one ordered table of named rules, and the runner that walks it.
import type { CheckName } from '../checks/check';
import type { AuthorizeCheck, AuthorizeContext, AuthorizeFailure, Interaction } from './context';
import { consentGranted, mfaSatisfied, userSignedIn } from './interaction-checks';
import {
  clientIdPresent,
  clientRegistered,
  noncePresent,
  pkceChallengeValid,
  redirectUriRegistered,
  responseTypeAllowed,
  scopesKnown,
  tenantExists,
} from './request-checks';

/**
 * The authorize endpoint, in the order it runs (node-oidc-provider's `authorization/index.js`
 * style): the `request` rows validate `GET /authorize`; failures before `redirect-uri-registered`
 * passes are error pages, later ones go back to the app unless the catalogue entry's
 * `presentation` is `page`. The `resume` rows are the interaction steps; each POST from a page
 * (sign-in, MFA, consent) resumes the table after `user-signed-in`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const AUTHORIZE_CHECKS: readonly AuthorizeCheck[] = [
  tenantExists,
  clientIdPresent,
  clientRegistered,
  redirectUriRegistered,
  responseTypeAllowed,
  noncePresent,
  scopesKnown,
  pkceChallengeValid,
  userSignedIn,
  mfaSatisfied,
  consentGranted,
];

/** The row named `name`. Throws `Error` only for a name not in the table (a programming error). */
export function authorizeCheck(name: CheckName): AuthorizeCheck {
  const row = AUTHORIZE_CHECKS.find((c) => c.name === name);
  if (!row) throw new Error(`No authorize check named ${name}.`);
  return row;
}

/** The rows of `phase`, the one row `only`, or the rows after `after`, in table order. */
export function authorizeRows(
  select: { phase: AuthorizeCheck['phase'] } | { after: CheckName } | { only: CheckName },
): readonly AuthorizeCheck[] {
  if ('phase' in select) return AUTHORIZE_CHECKS.filter((c) => c.phase === select.phase);
  if ('only' in select) return [authorizeCheck(select.only)];
  const index = AUTHORIZE_CHECKS.indexOf(authorizeCheck(select.after));
  return AUTHORIZE_CHECKS.slice(index + 1);
}

/** Where walking some rows of the table stopped. */
export type TableOutcome =
  | { kind: 'passed' }
  | { kind: 'failed'; row: AuthorizeCheck; failure: AuthorizeFailure }
  | ({ kind: 'interact'; row: AuthorizeCheck } & Interaction);

/**
 * Runs `rows` in order against `ctx`, pushing each passed name onto `passed`, and stops at the
 * first failure or interaction. Never throws for a request's content.
 */
export async function runAuthorizeRows(
  rows: readonly AuthorizeCheck[],
  ctx: AuthorizeContext,
  passed: CheckName[],
): Promise<TableOutcome> {
  for (const row of rows) {
    const outcome = await row.run(ctx);
    if (outcome && 'interact' in outcome) return { kind: 'interact', row, ...outcome };
    if (outcome) return { kind: 'failed', row, failure: outcome };
    passed.push(row.name);
  }
  return { kind: 'passed' };
}
