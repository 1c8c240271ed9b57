// Export of a run as a Mermaid `sequenceDiagram` (text for wikis and Markdown).
import type { PartyId, SimStep, SimulationRun, TraceEvent, UserDecision } from '../../engine/index';
import { decisionSentence } from '../events';

/**
 * Characters written as themselves in Mermaid text; everything else becomes a numeric entity code
 * (`#59;` for `;`). Mermaid's sequence lexer ends a message at `;`, newline or `#`, reads `%%` as a
 * comment, `:` as the text separator (and `wrap:`), `<`/`>`/`&` reach the rendered HTML, and `,` or
 * `@` change participant syntax, so only letters, digits, spaces and a few harmless marks stay.
 */
const MERMAID_SAFE = /[\p{L}\p{N} ./_()?=+*'[\]-]/u;

/**
 * Escapes `text` for a Mermaid label (message, note or participant alias): every character outside
 * {@link MERMAID_SAFE} becomes `#<code point>;`, which Mermaid decodes when it renders (since 8.x);
 * whitespace runs collapse to one space because labels are single lines.
 * @see https://mermaid.js.org/syntax/sequenceDiagram.html#entity-codes-to-escape-characters
 */
export function escapeMermaidText(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    out += MERMAID_SAFE.test(char) ? char : `#${String(char.codePointAt(0))};`;
  }
  return out;
}

/** The message label of a request: method and path, plus the grant type of a token request. */
export function requestLabel(step: SimStep): string {
  const { method, url, body } = step.request;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Keep the raw text: the engine only sends absolute URLs, but a run may be hand-made.
  }
  const grant = body && /\/token$/.test(path) ? new URLSearchParams(body).get('grant_type') : null;
  return grant ? `${method} ${path} (grant_type=${grant})` : `${method} ${path}`;
}

/** The message label of a response: status code and reason phrase, e.g. `302 Found`. */
export function responseLabel(step: SimStep): string {
  const response = step.response;
  return response ? `${response.status} ${response.statusText}`.trim() : step.label;
}

/** The note text of an error step, e.g. `AADSTS65001 Consent missing`. */
export function errorNote(step: SimStep): string | undefined {
  const error = step.error;
  if (!error) return undefined;
  const title = error.title.trim() || 'Error';
  if (error.code !== undefined) return `AADSTS${String(error.code)} ${title}`;
  return error.error ? `${error.error}: ${title}` : title;
}

const PROMPT_NAMES: Record<UserDecision['prompt'], string> = {
  'sign-in': 'Sign-in',
  mfa: 'MFA',
  consent: 'Consent',
  clock: 'Clock',
};

/** The note text of a person's decision, e.g. `Consent prompt: accepts`. */
export function decisionNote(event: Extract<TraceEvent, { type: 'user.decided' }>): string {
  const setBy = event.setBy ? ` (what-if: ${event.setBy})` : '';
  return `${PROMPT_NAMES[event.decision.prompt]} prompt: ${decisionSentence(event.decision)}${setBy}`;
}

/** Mermaid participant ids `P1`, `P2`, ... for every party of the run, in canvas order. */
function participantIds(run: SimulationRun, steps: readonly SimStep[]): Map<PartyId, string> {
  const ids = new Map<PartyId, string>();
  const add = (party: PartyId): void => {
    if (!ids.has(party)) ids.set(party, `P${String(ids.size + 1)}`);
  };
  for (const party of run.parties) add(party.id);
  // A request to an origin no party serves is addressed to its host.
  for (const step of steps) {
    add(step.from);
    add(step.to);
  }
  return ids;
}

/**
 * The run so far as a Mermaid `sequenceDiagram`: `autonumber`, one `participant P<n> as <label>`
 * per party (canvas order, display names escaped), one arrow per HTTP message of steps
 * `0..upTo` (a request `->>` labelled method + path, never the query; a response `-->>` labelled
 * status + reason), a `Note over` before the step that carries a person's decision
 * (`user.decided`, over the user when the run has one) and a `Note over` the responding party
 * after an error step (`AADSTS65001 Consent missing`). When the whole run is shown and it stopped
 * at a prompt, a last note says so.
 *
 * Only `participant`, `autonumber`, `->>`, `-->>` and `Note over` are used, which every Mermaid
 * since 8.x parses (GitHub, GitLab and Azure DevOps wikis); labels are escaped with
 * {@link escapeMermaidText}. `upTo` is a step index (inclusive), default the last step; values
 * past the end are clamped and a negative value gives the participants only.
 * @see https://mermaid.js.org/syntax/sequenceDiagram.html
 */
export function toMermaidSequence(run: SimulationRun, upTo?: number): string {
  const last = run.steps.length - 1;
  const end = Math.min(upTo ?? last, last);
  const steps = run.steps.slice(0, end + 1);
  const ids = participantIds(run, steps);
  const labels = new Map(run.parties.map((party) => [party.id, party.label]));
  const id = (party: PartyId): string => ids.get(party) ?? party;
  const userParty = run.parties.find((party) => party.kind === 'user')?.id;

  const lines = ['sequenceDiagram', '  autonumber'];
  for (const [party, alias] of ids) {
    const name = escapeMermaidText(labels.get(party) ?? '') || escapeMermaidText(party) || alias;
    lines.push(`  participant ${alias} as ${name}`);
  }
  for (const step of steps) {
    for (const event of step.events) {
      if (event.type !== 'user.decided') continue;
      const over = userParty ?? step.from;
      lines.push(`  Note over ${id(over)}: ${escapeMermaidText(decisionNote(event))}`);
    }
    const arrow = step.kind === 'request' ? '->>' : '-->>';
    const label = step.kind === 'request' ? requestLabel(step) : responseLabel(step);
    lines.push(`  ${id(step.from)}${arrow}${id(step.to)}: ${escapeMermaidText(label)}`);
    const note = errorNote(step);
    if (note) lines.push(`  Note over ${id(step.from)}: ${escapeMermaidText(note)}`);
  }
  if (end === last && run.pendingPrompt) {
    const over = userParty ?? steps.at(-1)?.to ?? run.parties[0]?.id;
    if (over !== undefined) {
      const waiting = `Waiting for the person: ${run.pendingPrompt.prompt} prompt`;
      lines.push(`  Note over ${id(over)}: ${escapeMermaidText(waiting)}`);
    }
  }
  return lines.join('\n') + '\n';
}
