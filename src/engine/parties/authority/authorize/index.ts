// The authorize endpoint (v1 and v2) and the sign-in, MFA and consent pages behind it, as one table of named checks.
export { AUTHORIZE_CHECKS, authorizeCheck } from './table';
export type { AuthorizeCheck, AuthorizeContext, AuthorizeFailure } from './context';
export { SESSION_COOKIE } from './context';
export type { AuthorizeResult } from './respond';
export { CODE_LIFETIME_SECONDS, handleAuthorize } from './endpoint';
export { handleConsent, handleLogin, handleMfa } from './answers';
