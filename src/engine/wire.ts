// The engine's crypto-free entry: HTTP message values and codecs, time formatting, the authority's
// page reader and the public types, for the state layer to import statically (no jose, no run).
export type {
  ScenarioDefinition,
  ScenarioId,
  Party,
  PartyId,
  PartyKind,
  Narration,
  UserDecision,
  PromptPreset,
  ClockChoice,
} from './model/scenario';
export type {
  SimulationRun,
  SimStep,
  StepOutcome,
  TraceEvent,
  ErrorCard,
  PartyView,
  StartingFact,
  ClaimView,
  SignatureStatus,
  TokenInspection,
  TokenPlace,
  TokenSighting,
  PendingPrompt,
  ConsentPromptItem,
} from './model/trace';
export type { HttpRequest, HttpResponse, HttpMethod } from './http/message';
export type { AuthorityPage } from './parties/authority/pages';
export {
  decodeForm,
  encodeForm,
  formatRawRequest,
  formatRawResponse,
  getHeader,
  parseJsonBody,
} from './http/message';
export { formatAadTimestamp, formatIsoSeconds } from './core/clock';
export { readPage } from './parties/authority/pages';
export { findApplicationByResource, findServicePrincipal } from './directory/directory';
export { applicationWithDefaults } from './directory/application';
