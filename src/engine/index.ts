// The engine's one public entry: run a scenario, serve parties as fetch handlers, format messages.
export type {
  ScenarioDefinition,
  ScenarioId,
  Party,
  PartyId,
  PartyKind,
  ClientParty,
  ApiParty,
  SamlServiceParty,
  AuthorityParty,
  ClientCredential,
  ClientAction,
  BearerValidation,
  OboCall,
  StartingToken,
  Narration,
  ActionNarration,
  VariantDefinition,
  EndpointVersion,
  BrowserAction,
  BrowserParty,
  UserParty,
  WebAppParty,
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
export type { AadstsCode, AadstsEntry, DocRef, OAuthErrorCode } from './errors';
export type { CheckName } from './parties/authority/checks/check';
export type { ApiCheckName } from './model/checks';
export type * from './directory/model';
export { AADSTS, DOCS, cardForCode } from './errors';
export {
  decodeForm,
  encodeForm,
  formatRawRequest,
  formatRawResponse,
  getHeader,
  parseJsonBody,
  formatAadTimestamp,
  formatIsoSeconds,
  readPage,
} from './wire';
export type { AuthorityPage } from './wire';
export { runScenario } from './simulation/run';
export { applyVariants } from './simulation/variants';
export type { RunOptions } from './simulation/run';
export { inspectToken, isTokenDecodeError } from './simulation/decode-token';
export { sightTokens } from './simulation/inspect';
export type { TokenDecodeError, TokenDecodeErrorCode } from './simulation/decode-token';
export { createWorld } from './simulation/world';
export type { World, FetchHandler } from './simulation/world';
export { fixtureCertificateBase64, fixturePrivateKeyPem, getFixtureKey } from './crypto';
export type { FixtureKeyName, SigningAlg } from './crypto';
export { generateCertificate } from './crypto/generate-certificate';
export type { GeneratedCertificate } from './crypto/generate-certificate';
