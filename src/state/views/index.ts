// Pure view models the screen renders, one concern a file: parties and links, token names and
// refs, timeline rows, the Request/Response tabs and pages, the OBO comparison, step details,
// decoded tokens and starting facts. They read the engine's facts (`run.tokenSightings`, the typed
// page reader of engine/wire) and never load the engine chunk.
export { partyLabel, linkId, buildLinks, scenarioParties, partiesById } from './parties';
export type { PartyLink } from './parties';
export { nameTokens, tokenName, tokensInStep } from './tokens';
export type { TokenRef } from './tokens';
export { shortenLabel, buildTimeline, announceStep } from './timeline';
export type { TimelineRow } from './timeline';
export type { ParamRow } from './params';
export type { RequestView, LocationView, ResponseView } from './http';
export type { PageKind, PageView } from './page';
export { compareOboTokens } from './compare';
export type { TokenComparison } from './compare';
export { buildStepDetail } from './step-detail';
export type { StepDetail } from './step-detail';
export { buildTokenView } from './token-view';
export type { ClaimRow, TokenView } from './token-view';
export { buildStartingFacts } from './starting-facts';
export type { StartingFactView } from './starting-facts';
