// Exports are views of a run (DESIGN.md section 5b): pure functions from a run or a message to text.
export { toMermaidSequence, escapeMermaidText } from './mermaid';
export { toHar, HAR_CREATOR_NAME, type HarOptions } from './har';
export { REDACTION_MARKER } from './redact';
export { toCurl, quoteBash, quotePowerShell, type CurlShell } from './curl';
export { toMsalCode, type MsalLanguage } from './msal';
export { describeMsalCall, type MsalCall, type MsalGrant } from './msal-call';
export {
  toSequenceSvg,
  sequenceLayoutToSvg,
  SEQUENCE_COLOUR_TOKENS,
  type SequenceColours,
  type SequenceSvgOptions,
} from './sequence-svg';
export { layoutSequence, type SequenceLayout, type SequenceArrow } from './sequence-layout';
