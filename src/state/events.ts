// Trace events as short notes for the inspector, and the person's decisions as chips on the canvas.
import type { PartyId, SimStep, SimulationRun, TraceEvent, UserDecision } from '../engine/wire';
import { formatDuration } from './format';

/** How a note reads: a pass, a failure, a pass worth a second look, the person's action, a fact. */
export type NoteTone = 'ok' | 'error' | 'warn' | 'user' | 'info';

/** One trace event in plain words, e.g. "Consent recorded" with the grants it created. */
export interface EventNote {
  /** Stable key within the step. */
  key: string;
  tone: NoteTone;
  title: string;
  /** Details one a line, e.g. the grants created or the registered reply URL. */
  items: string[];
  /** For a failed check: the rule it enforces and the document it comes from ("Rule: ..."). */
  rule?: { text: string; source?: { label: string; url: string } };
}

/** The rule of a failed check as a note carries it, when the event recorded one. */
function ruleOf(failed: {
  rule?: string;
  source?: { label: string; url: string };
}): Pick<EventNote, 'rule'> {
  if (!failed.rule) return {};
  return { rule: { text: failed.rule, ...(failed.source ? { source: failed.source } : {}) } };
}

function labelOf(run: SimulationRun, id: PartyId): string {
  return run.parties.find((p) => p.id === id)?.label ?? id;
}

function appLabel(run: SimulationRun, appId: string): string {
  return run.parties.find((p) => p.appId === appId)?.label ?? `app ${appId}`;
}

/**
 * The person's first name for chips and notes: the first word of the user party's label
 * (`Ada (the user)` -> `Ada`), else `The user`.
 */
export function userFirstName(run: SimulationRun): string {
  const label = run.parties.find((p) => p.kind === 'user')?.label;
  return label?.split(/\s+/)[0] ?? 'The user';
}

/** A decision in a few words, e.g. `accepts`, `signs in`, `waits 2 h`. */
export function describeDecision(decision: UserDecision): string {
  switch (decision.prompt) {
    case 'sign-in':
      return 'signs in';
    case 'mfa':
      return decision.approve ? 'approves MFA' : 'denies MFA';
    case 'consent':
      return decision.accept
        ? decision.forOrganization
          ? 'accepts for the organization'
          : 'accepts'
        : 'cancels';
    case 'clock':
      return `waits ${formatDuration(decision.seconds)}`;
  }
}

/** A decision as a sentence for exported notes, e.g. `signs in with a password`, `lets 7200 s pass`. */
export function decisionSentence(decision: UserDecision): string {
  switch (decision.prompt) {
    case 'sign-in':
      return 'signs in with a password';
    case 'mfa':
      return decision.approve ? 'approves the MFA request' : 'denies the MFA request';
    case 'consent':
      return decision.accept
        ? decision.forOrganization
          ? 'accepts for the whole organization'
          : 'accepts'
        : 'cancels';
    case 'clock':
      return `lets ${String(decision.seconds)} s pass`;
  }
}

/**
 * Who makes a decision, for chips and notes: the user's first name, or, for a clock beat in a run
 * without a user (a daemon's next run), `Time` (the person at the screen only moves the clock).
 */
function decider(run: SimulationRun, decision: UserDecision): string {
  return decision.prompt === 'clock' && !run.parties.some((p) => p.kind === 'user')
    ? 'Time'
    : userFirstName(run);
}

/** A decision's words after {@link decider}: `Time: +5 min` rather than `Time: waits 5 min`. */
function decisionWords(run: SimulationRun, decision: UserDecision): string {
  return decider(run, decision) === 'Time' && decision.prompt === 'clock'
    ? `+${formatDuration(decision.seconds)}`
    : describeDecision(decision);
}

/** What a {@link UserDecision} will be called on the canvas once made, e.g. `Ada: cancels`. */
export function decisionText(run: SimulationRun, decision: UserDecision): string {
  return `${decider(run, decision)}: ${decisionWords(run, decision)}`;
}

/** The chip of a step that carries the person's decision, e.g. `Ada: accepts`; else `null`. */
export function decisionChip(run: SimulationRun, step: SimStep): string | null {
  const event = step.events.find(
    (e): e is Extract<TraceEvent, { type: 'user.decided' }> => e.type === 'user.decided',
  );
  return event
    ? `${decider(run, event.decision)}: ${decisionWords(run, event.decision)}${event.setBy ? ' (set by the what-if)' : ''}`
    : null;
}

function noteOf(run: SimulationRun, event: TraceEvent, key: string): EventNote | null {
  switch (event.type) {
    case 'user.signed-in':
      return {
        key,
        tone: 'ok',
        title: `${event.userName} is signed in at the authority`,
        items: [`Authentication methods (amr): ${event.amr.join(', ')}`],
      };
    case 'user.decided':
      return {
        key,
        tone: 'user',
        title:
          decider(run, event.decision) === 'Time' && event.decision.prompt === 'clock'
            ? `Time passes: ${formatDuration(event.decision.seconds)}`
            : `${userFirstName(run)} ${describeDecision(event.decision)}`,
        items: event.setBy ? [`Set by the what-if "${event.setBy}"`] : [],
      };
    case 'consent.prompted':
      return {
        key,
        tone: 'user',
        title: `Consent needed: no grant yet for ${event.appName}`,
        items: event.scopes.map((s) => `Missing: ${s}`),
      };
    case 'consent.recorded':
      return {
        key,
        tone: 'ok',
        title: event.forOrganization
          ? 'Consent recorded for the whole organization'
          : 'Consent recorded for this user',
        items: event.grants.map((g) => `Grant created: ${g}`),
      };
    case 'code.issued':
      return {
        key,
        tone: 'info',
        title: `Authorization code issued to ${appLabel(run, event.clientAppId)}`,
        items: [
          `Valid for ${formatDuration(event.expiresIn)}, once`,
          event.pkce
            ? 'Bound to the PKCE code_challenge: only the matching code_verifier redeems it'
            : 'No PKCE: the code alone (with the client secret) redeems it',
        ],
      };
    case 'client.check':
      return {
        key,
        tone: event.ok ? 'ok' : 'error',
        title: `${labelOf(run, event.party)} ${event.ok ? 'check passed' : 'check failed'}`,
        items: [event.detail],
      };
    case 'reply-url.matched':
      return {
        key,
        tone: event.wildcard ? 'warn' : 'ok',
        title: event.wildcard
          ? 'Reply URL matched a wildcard registration'
          : 'Reply URL matched a registered URI exactly',
        items: [
          `Registered: ${event.registered}`,
          `Redirects to: ${event.redirectTo}`,
          `Wildcard: ${event.wildcard ? 'yes' : 'no'}`,
          `Platform: ${event.platform}`,
        ],
      };
    case 'authority.checks':
      return event.failed
        ? {
            key,
            tone: 'error',
            // The code itself is on the "Why this failed" card of the same step.
            title: `Authority check failed: ${event.failed.check}`,
            items: [
              `Endpoint: ${event.endpoint}`,
              `Passed before it: ${event.passed.join(', ') || 'none'}`,
            ],
            ...ruleOf(event.failed),
          }
        : null;
    case 'api.checks':
      return event.failed
        ? {
            key,
            tone: 'error',
            title: `${labelOf(run, event.party)} check failed: ${event.failed.check}`,
            items: [`Passed before it: ${event.passed.join(', ') || 'none'}`],
            ...ruleOf(event.failed),
          }
        : null;
    case 'token.cache':
      return {
        key,
        tone: event.outcome === 'hit' ? 'ok' : 'info',
        title:
          event.outcome === 'hit'
            ? `${labelOf(run, event.party)} took the token from its cache: no request to the authority`
            : event.outcome === 'expired'
              ? `${labelOf(run, event.party)}'s cached token is due for renewal: it asks the authority again`
              : `${labelOf(run, event.party)}'s token cache is empty: it asks the authority`,
        items: [
          `Cache key: ${event.key}`,
          ...(event.expiresAt !== undefined
            ? [
                event.expiresAt > event.now
                  ? `Cached token expires in ${formatDuration(event.expiresAt - event.now)}`
                  : `Cached token expired ${formatDuration(event.now - event.expiresAt)} ago`,
              ]
            : []),
          ...(event.refreshAt !== undefined && event.expiresAt !== undefined
            ? [
                `${event.refreshAt > event.now ? 'Renewal due' : 'Renewal was due'} ${formatDuration(event.expiresAt - event.refreshAt)} before exp`,
              ]
            : []),
        ],
      };
    case 'tenant.provisioned':
      return {
        key,
        tone: 'ok',
        title: `Provisioned in ${event.tenantName}: the app now exists in this tenant`,
        items: [
          ...event.servicePrincipals.map((sp) => `Service principal created: ${sp}`),
          ...event.appRoleAssignments.map((a) => `App role assigned: ${a}`),
          ...event.grants.map((g) => `Delegated grant: ${g}`),
        ],
      };
    case 'token.validated':
      return {
        key,
        tone: event.ok ? 'ok' : 'error',
        title: `${labelOf(run, event.party)} ${event.ok ? 'accepted the token' : 'rejected the token'}`,
        items: [event.detail],
      };
    default:
      return null;
  }
}

const noteCache = new WeakMap<SimStep, EventNote[]>();

/**
 * The step's trace events worth reading, in plain words: sign-in, consent prompted and recorded
 * (which grants were missing or created), codes, the person's decisions, the web app's checks
 * (state, nonce, c_hash), reply URL matching (wildcard or not), token validation and a failed
 * authority or API check with the rule it enforces. Other events (JWKS caching, tokens issued)
 * are left to the other tabs.
 */
export function buildEventNotes(run: SimulationRun, step: SimStep): EventNote[] {
  const cached = noteCache.get(step);
  if (cached) return cached;
  const notes = step.events
    .map((event, i) => noteOf(run, event, `${event.type}-${i}`))
    .filter((n): n is EventNote => n !== null);
  noteCache.set(step, notes);
  return notes;
}
