// Recognises the identity platform's protocol steps in HAR messages and narrates each one.
import { getHeader, parseJsonBody } from '../../engine/wire';
import type * as Engine from '../../engine/index';
import type { StepOutcome } from '../../engine/index';
import type { HarMessage } from './read';
import { GRANTS, grantOf } from './grants';
import { authorityOf, formOf, hostOf, isGraphHost, jwtsIn, pathOf, urlParams } from './hosts';

/** A documentation link of the engine's one table (`DOCS`), by name. */
export type DocName = keyof typeof Engine.DOCS;

/** Narration before the docs are looked up: a title, a paragraph and the doc entries it cites. */
export interface NarrationDraft {
  title: string;
  text: string;
  docs: DocName[];
}

/** What a message is, protocol-wise. */
export type ExchangeKind =
  | 'discovery'
  | 'jwks'
  | 'authorize'
  | 'token'
  | 'sign-in'
  | 'reply'
  | 'userinfo'
  | 'graph'
  | 'api-call';

/** An error a response carried: an AADSTS code, an OAuth `error`, its description. */
export interface ResponseFailure {
  code?: number;
  error?: string;
  description?: string;
}

/** One recognised message: its kind, timeline label, narrations, outcome and failure. */
export interface RecognisedMessage {
  message: HarMessage;
  kind: ExchangeKind;
  /** The request's one line, e.g. `POST /{tenant}/oauth2/v2.0/token (on-behalf-of)`. */
  label: string;
  request: NarrationDraft;
  response: NarrationDraft;
  outcome: StepOutcome;
  failure?: ResponseFailure;
}

/**
 * The error in a response: the JSON error body (`error`, `error_description`, `error_codes`; RFC
 * 6749 section 5.2), a redirect's `error` parameters (section 4.1.2.1), Graph's `{ error: { code,
 * message } }`, or an `AADSTSnnnn` in an error page; `undefined` for a success.
 * @see https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
export function failureOf(message: HarMessage): ResponseFailure | undefined {
  const { response } = message;
  const body = parseJsonBody(response);
  const location = getHeader(response.headers, 'location');
  const fromLocation = location ? urlParams(location) : null;
  let error: string | undefined;
  let description: string | undefined;
  let code: number | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    if (typeof record.error === 'string') error = record.error;
    else if (record.error && typeof record.error === 'object') {
      const inner = record.error as Record<string, unknown>;
      if (typeof inner.code === 'string') error = inner.code;
      if (typeof inner.message === 'string') description = inner.message;
    }
    if (typeof record.error_description === 'string') description = record.error_description;
    if (Array.isArray(record.error_codes) && typeof record.error_codes[0] === 'number')
      code = record.error_codes[0];
  }
  if (fromLocation?.get('error')) {
    error = fromLocation.get('error') ?? undefined;
    description = fromLocation.get('error_description') ?? undefined;
  }
  const text =
    description ??
    (response.status >= 400 || /html/i.test(getHeader(response.headers, 'content-type') ?? '')
      ? response.body
      : '');
  const aadsts = /AADSTS(\d{4,9})/.exec(text);
  if (code === undefined && aadsts) code = Number(aadsts[1]);
  if (error === undefined && code === undefined && response.status < 400) return undefined;
  return {
    ...(code === undefined ? {} : { code }),
    ...(error ? { error } : {}),
    ...(description ? { description } : {}),
  };
}

function outcomeOf(message: HarMessage, failure: ResponseFailure | undefined): StepOutcome {
  if (failure) return 'error';
  const { status } = message.response;
  if (status >= 300 && status < 400) return 'redirect';
  return status >= 400 ? 'error' : 'success';
}

/** The endpoint version of an authority path: `v2.0`, `v1.0`, or none. */
function versionOf(path: string): string {
  return /\/v2\.0\//.test(path) ? 'v2.0' : /\/oauth2\//.test(path) ? 'v1.0' : '';
}

/** Whether a message belongs to the identity story: authority, Graph, bearer tokens, replies, JWTs. */
export function isIdentityMessage(message: HarMessage): boolean {
  const host = hostOf(message.request.url);
  if (authorityOf(host) || isGraphHost(host)) return true;
  if (/^bearer\s/i.test(getHeader(message.request.headers, 'authorization') ?? '')) return true;
  const params = urlParams(message.request.url);
  const form = formOf(message.request);
  const reply = ['code', 'id_token', 'access_token', 'error'];
  if (reply.some((name) => params.has(name) || name in form) || 'grant_type' in form) return true;
  return jwtsIn(message.response.body).length > 0;
}

function describeParams(params: URLSearchParams): string {
  const facts: string[] = [];
  const type = params.get('response_type');
  if (type) facts.push(`response_type=${type}`);
  if (params.get('scope')) facts.push(`scope "${params.get('scope') ?? ''}"`);
  if (params.get('resource')) facts.push(`resource ${params.get('resource') ?? ''}`);
  if (params.get('redirect_uri')) facts.push(`reply URL ${params.get('redirect_uri') ?? ''}`);
  if (params.get('response_mode')) facts.push(`response_mode=${params.get('response_mode') ?? ''}`);
  if (params.get('code_challenge'))
    facts.push(`PKCE (${params.get('code_challenge_method') ?? 'plain'})`);
  if (params.get('nonce')) facts.push('a nonce');
  if (params.get('state')) facts.push('a state value');
  if (params.get('prompt')) facts.push(`prompt=${params.get('prompt') ?? ''}`);
  return facts.join(', ');
}

/** The answer of a token request, in words: which tokens came back (or the error). */
function tokenAnswer(message: HarMessage): NarrationDraft {
  const body = parseJsonBody(message.response);
  const fields =
    body && typeof body === 'object' ? Object.keys(body as Record<string, unknown>) : [];
  const issued = ['access_token', 'id_token', 'refresh_token'].filter((f) => fields.includes(f));
  return {
    title: issued.length ? 'The authority issues tokens' : 'The token endpoint answers',
    text: issued.length
      ? `The response carries ${issued.join(', ')}. The access token is for the API named by its aud claim; the app must treat it as opaque (only that API validates it).`
      : `Status ${message.response.status}.`,
    docs: ['scopes'],
  };
}

const answer = (title: string, text: string, docs: DocName[] = []): NarrationDraft => ({
  title,
  text,
  docs,
});

/**
 * Classifies one identity message (discovery, JWKS, authorize v1/v2, token by `grant_type` with
 * OBO told apart by `requested_token_use=on_behalf_of`, the authority's sign-in pages, the reply
 * URL, userinfo, Graph, other bearer calls), labels it for the timeline and narrates its request
 * and its response (a failure's narration names its AADSTS code or OAuth error). Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export function recogniseMessage(message: HarMessage): RecognisedMessage {
  const { request, response } = message;
  const host = hostOf(request.url);
  const path = pathOf(request.url);
  const params = urlParams(request.url);
  const form = formOf(request);
  const failure = failureOf(message);
  const outcome = outcomeOf(message, failure);
  const base = `${request.method} ${path}`;
  const statusLine = `${response.status} ${response.statusText}`.trim();
  const errorAnswer =
    failure && (failure.code !== undefined || failure.error !== undefined)
      ? answer(
          failure.code !== undefined
            ? `AADSTS${failure.code}`
            : `Error: ${failure.error ?? statusLine}`,
          failure.description ?? `The response is ${statusLine}.`,
          ['errors'],
        )
      : null;
  const make = (
    kind: ExchangeKind,
    label: string,
    requestDraft: NarrationDraft,
    responseDraft: NarrationDraft,
  ): RecognisedMessage => ({
    message,
    kind,
    label,
    request: requestDraft,
    response: errorAnswer ?? responseDraft,
    outcome,
    ...(failure ? { failure } : {}),
  });
  const location = getHeader(response.headers, 'location');
  const backToApp = location && !authorityOf(hostOf(location));
  const redirectAnswer = backToApp
    ? answer(
        'Redirect back to the app',
        `The authority sends the browser to the reply URL ${location.split('?')[0] ?? ''} with its answer (${[...urlParams(location).keys()].join(', ') || 'no parameters'}).`,
        ['replyUrl'],
      )
    : answer('The authority answers', `${statusLine}.`);
  if (authorityOf(host)) {
    if (/\/\.well-known\/openid-configuration$/.test(path))
      return make(
        'discovery',
        `${base} (discovery)`,
        answer(
          'OpenID Connect discovery',
          "The app reads the authority's metadata document: the issuer to expect and where the authorize, token and keys (JWKS) endpoints are.",
          ['openidDiscovery'],
        ),
        answer(
          'Discovery document',
          'The metadata: issuer, endpoints, supported response types and signing algorithms.',
          ['openidDiscovery'],
        ),
      );
    if (/\/discovery\/(v2\.0\/)?keys$/.test(path))
      return make(
        'jwks',
        `${base} (JWKS)`,
        answer(
          "Fetching the authority's signing keys (JWKS)",
          'Whoever validates tokens fetches the public keys named by the jwks_uri and matches the kid in each token header.',
          ['accessTokenSignature', 'openidDiscovery'],
        ),
        answer('The signing keys', 'A JSON Web Key Set: one public key per kid (RFC 7517).', [
          'accessTokenSignature',
        ]),
      );
    if (/\/oauth2\/(v2\.0\/)?authorize$/.test(path)) {
      const version = versionOf(path);
      return make(
        'authorize',
        `${base} (authorize ${version})`,
        answer(
          `Authorization request (${version} endpoint)`,
          `The browser opens the authorize endpoint for app ${params.get('client_id') ?? '(no client_id)'}: ${describeParams(params) || 'no parameters'}.`,
          version === 'v2.0' ? ['authCode', 'oidc'] : ['authCode'],
        ),
        response.status >= 300 && response.status < 400
          ? redirectAnswer
          : answer(
              'The sign-in page',
              'The authority shows its page: sign in, MFA or consent happen here, between the browser and the authority only.',
              ['oidc'],
            ),
      );
    }
    if (/\/oauth2\/(v2\.0\/)?token$/.test(path)) {
      const grant = grantOf(form);
      const known = GRANTS[grant];
      const version = versionOf(path);
      const target = form.scope
        ? `scope "${form.scope}"`
        : form.resource
          ? `resource ${form.resource}`
          : 'no scope';
      return make(
        'token',
        `${base} (${known?.label ?? (grant || 'token')})`,
        answer(
          `${known?.title ?? `Token request (grant_type ${grant || 'missing'})`} (${version})`,
          `${(known?.text ?? 'A request to the token endpoint.').replace('{resource}', form.scope?.split('/.default')[0] ?? 'the API')} Client ${form.client_id ?? '(client_id not in the body)'}, ${target}.`,
          known?.docs ?? ['errors'],
        ),
        tokenAnswer(message),
      );
    }
    if (/\/discovery\/instance$/.test(path))
      return make(
        'discovery',
        `${base} (instance discovery)`,
        answer(
          'Instance discovery',
          "MSAL asks which hosts are aliases of this authority (its cloud's metadata) before it uses the tenant's discovery document.",
          ['openidDiscovery'],
        ),
        answer('Instance metadata', `${statusLine}.`, ['openidDiscovery']),
      );
    if (/\/oauth2\/(v2\.0\/)?devicecode$/.test(path))
      return make(
        'token',
        `${base} (device code)`,
        answer(
          'Device authorization request',
          'A device without a browser asks for a user code and a verification URL to show; it then polls the token endpoint (RFC 8628 section 3.1).',
          ['oidc'],
        ),
        answer('Device code issued', `${statusLine}.`, ['oidc']),
      );
    if (/\/oauth2\/(v2\.0\/)?logout$/.test(path))
      return make(
        'sign-in',
        `${base} (sign-out)`,
        answer(
          'Sign-out',
          "The browser ends the user's session at the authority, which then sends it to the app's post_logout_redirect_uri.",
          ['oidc'],
        ),
        response.status >= 300 && response.status < 400
          ? redirectAnswer
          : answer('Signed out', `${statusLine}.`),
      );
    return make(
      'sign-in',
      base,
      answer(
        "At the authority's pages",
        "The browser talks to the authority's sign-in experience (credentials, MFA, consent, stay signed in). Only the browser and the authority see these messages; the app is not involved.",
        ['oidc'],
      ),
      response.status >= 300 && response.status < 400
        ? redirectAnswer
        : answer('Sign-in page', `${statusLine}.`),
    );
  }
  if (/\/oidc\/userinfo$|\/openid\/userinfo$/.test(path))
    return make(
      'userinfo',
      `${base} (userinfo)`,
      answer(
        'UserInfo endpoint',
        "The app asks for the signed-in user's claims with an access token for Microsoft Graph (OpenID Connect Core section 5.3).",
        ['oidc'],
      ),
      answer("The user's claims", `${statusLine}.`, ['oidc']),
    );
  const bearer = /^bearer\s/i.test(getHeader(request.headers, 'authorization') ?? '');
  const accepted = (who: string): string =>
    response.status < 300
      ? `${who} accepted the ${bearer ? 'bearer token' : 'request'} and answered. A HAR shows what travelled, not which checks the API ran.`
      : `${who} did not accept the request (${statusLine}).`;
  if (isGraphHost(host))
    return make(
      'graph',
      `${base} (Microsoft Graph)`,
      answer(
        'Calling Microsoft Graph',
        bearer
          ? 'The caller sends its access token for Graph as a bearer token. Graph validates it; nobody else should try to.'
          : 'A call to Microsoft Graph without a bearer token.',
        ['protectedApi'],
      ),
      answer(`Graph answers ${statusLine}`, accepted('Graph'), ['protectedApi']),
    );
  const replyParams = ['code', 'id_token', 'access_token', 'error'].filter(
    (name) => params.has(name) || name in form,
  );
  if (replyParams.length > 0)
    return make(
      'reply',
      `${base} (reply URL)`,
      answer(
        "The authority's answer arrives at the app's reply URL",
        `The browser delivers ${replyParams.join(', ')} to the app${request.method === 'POST' ? ' in a form post (response_mode=form_post)' : ''}; the app checks state (and nonce) before using it.`,
        ['replyUrl', 'authCode'],
      ),
      answer('The app answers', `${statusLine}.`),
    );
  const challenge = getHeader(response.headers, 'www-authenticate');
  return make(
    'api-call',
    bearer ? `${base} (bearer token)` : base,
    answer(
      `Calling ${host || 'an API'}`,
      bearer
        ? 'The caller sends an access token as a bearer token (RFC 6750). The API must check its signature, issuer, audience, lifetime and scopes or roles.'
        : 'A request that belongs to the flow (it carries or returns a token).',
      ['protectedApi'],
    ),
    answer(
      `The API answers ${statusLine}`,
      challenge ? `It refuses with WWW-Authenticate: ${challenge}` : accepted('The API'),
      ['protectedApi'],
    ),
  );
}
