// The engine's error catalogues: AADSTS codes, bearer rejections, client-side errors, documentation links.
export type { DocName, DocRef } from './docs';
export { DOCS } from './docs';
export type { AadstsCard, AadstsCode, AadstsEntry, OAuthErrorCode } from './aadsts';
export { AADSTS, cardForCode, fillTemplate, isAadstsCode } from './aadsts';
export type { BearerError, BearerRejectionReason } from './bearer';
export {
  BEARER_DOCS,
  BEARER_REJECTIONS,
  bearerChallengeHead,
  bearerRejectionCard,
  buildBearerChallenge,
  buildClaimsChallenge,
  parseClaimsChallenge,
} from './bearer';
export type { ClientErrorKind } from './client';
export { CLIENT_DOCS, CLIENT_ERRORS, clientErrorCard, errorFromDescription } from './client';
