// Finds every JWT in a run and decodes it (claims with explanations, signature checked against its
// signer), and records once where each one travelled, message by message.
import {
  certificateThumbprints,
  decodeJwtParts,
  verifyJwt,
  verifyJwtWithCertificate,
} from '../crypto';
import type { SigningAlg } from '../crypto';
import { isMicrosoftGraphAudience } from '../directory/directory';
import type { Directory } from '../directory/model';
import { decodeForm, getHeader, parseJsonBody } from '../http/message';
import type { HttpRequest, HttpResponse } from '../http/message';
import { publishedJwks } from '../parties/authority/keys';
import { readPage } from '../parties/authority/pages';
import { explainClaim, TIME_CLAIMS } from './claims-glossary';
import { inspectSamlAssertion, samlAssertionXml } from './saml-inspect';
import type {
  StartingFact,
  SimStep,
  TokenInspection,
  TokenPlace,
  TokenSighting,
} from '../model/trace';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Every JWT carried by a step (Bearer header, form parameters, JSON response fields) and every
 * SAML assertion (the OBO response's `access_token` with a SAML `issued_token_type`, an
 * `Authorization: SAML` header), the latter with `where: 'saml'`.
 */
export function tokensInStep(step: SimStep): { token: string; where: string }[] {
  const found: { token: string; where: string }[] = [];
  const add = (token: unknown, where: string) => {
    if (typeof token === 'string' && JWT_SHAPE.test(token)) found.push({ token, where });
  };
  if (step.kind === 'request') {
    const bearer = /^Bearer\s+(\S+)$/i.exec(getHeader(step.request.headers, 'Authorization') ?? '');
    add(bearer?.[1], 'Authorization header');
    // A SAML assertion sent as `Authorization: SAML <base64>` (see the SAML service).
    const saml = /^SAML\s+(\S+)$/i.exec(getHeader(step.request.headers, 'Authorization') ?? '');
    if (saml?.[1] && samlAssertionXml(saml[1])) found.push({ token: saml[1], where: 'saml' });
    for (const [name, value] of decodeForm(step.request.body)) add(value, name);
  } else if (step.response) {
    const body = parseJsonBody(step.response);
    if (body && typeof body === 'object') {
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) add(value, name);
      // The SAML answer of OBO: access_token is the assertion, base64url-encoded.
      const { access_token: token, issued_token_type: type } = body as Record<string, unknown>;
      if (typeof token === 'string' && typeof type === 'string' && type.includes(':saml'))
        found.push({ token, where: 'saml' });
    }
  }
  return found;
}

/** One plain-words line about a decoded token, e.g. "v2.0 app-only access token for Orders API (roles: ...)". */
export function describeToken(
  payload: Record<string, unknown>,
  kind: TokenInspection['kind'],
  directory: Pick<Directory, 'applications'>,
): string {
  if (kind === 'client_assertion')
    return `Client assertion signed by app ${String(payload.iss)} for ${String(payload.aud)}`;
  const audApp = directory.applications.find(
    (a) => a.appId === payload.aud || a.identifierUris.includes(String(payload.aud)),
  );
  const target = audApp?.displayName ?? String(payload.aud);
  const ver = payload.ver ? `v${String(payload.ver)} ` : '';
  if (kind === 'id_token') {
    return `${ver}ID token for ${target}: who signed in (${String(payload.name ?? payload.preferred_username ?? payload.oid)})`;
  }
  if (typeof payload.scp === 'string') {
    return `${ver}delegated access token for ${target}: ${String(payload.name ?? 'a user')} via app ${String(payload.azp ?? payload.appid)} (scp: ${payload.scp})`;
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.join(', ') : 'none';
  return `${ver}app-only access token for ${target} (roles: ${roles})`;
}

/** What a token is from its claims and where it travelled (`where`: a parameter or field name). */
export function tokenKind(
  payload: Record<string, unknown>,
  where: string,
): TokenInspection['kind'] {
  if (where === 'client_assertion') return 'client_assertion';
  if ('scp' in payload || 'roles' in payload || payload.idtyp === 'app') return 'access_token';
  if (where === 'id_token' || 'nonce' in payload || 'c_hash' in payload) return 'id_token';
  return 'jwt';
}

/**
 * When `kid` is the thumbprint of an app's custom signing key (`keyCredentials` with usage
 * `Sign`), a sentence naming that app; else `''`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
async function customSignerOf(directory: Directory, kid: unknown): Promise<string> {
  for (const app of directory.applications) {
    for (const credential of app.keyCredentials) {
      if (credential.usage !== 'Sign') continue;
      if ((await certificateThumbprints(credential.key)).x5t === kid)
        return `. kid ${String(kid)} is ${app.displayName}'s custom signing key (keyCredentials usage Sign): only a validator that fetches keys with ?appid=${app.appId} could check it, and a downstream API must not accept a token signed with a key its caller controls.`;
    }
  }
  return '';
}

async function inspectToken(
  token: string,
  where: string,
  directory: Directory,
): Promise<TokenInspection | undefined> {
  if (where === 'saml') return inspectSamlAssertion(token, directory);
  const parts = decodeJwtParts(token);
  if (!parts) return undefined;
  const { header, payload } = parts;
  const kind = tokenKind(payload, where);
  let signature: TokenInspection['signature'];
  if (kind === 'client_assertion') {
    const wanted = (header['x5t#S256'] ?? header.x5t) as string | undefined;
    let match: string | undefined;
    for (const app of directory.applications) {
      for (const credential of app.keyCredentials) {
        if (credential.usage !== 'Verify') continue;
        const prints = await certificateThumbprints(credential.key);
        if (prints.x5tS256 === wanted || prints.x5t === wanted) match = credential.key;
      }
    }
    if (!match) {
      signature = {
        status: 'invalid',
        detail: `No registered certificate has thumbprint ${String(wanted)}.`,
      };
    } else {
      const result = await verifyJwtWithCertificate(
        token,
        match,
        header.alg as SigningAlg,
        0,
        1e10,
      );
      signature = result.ok
        ? {
            status: 'valid',
            signer: "the client's registered certificate",
            detail: `${String(header.alg)} signature verified with the certificate whose thumbprint is in the header.`,
          }
        : { status: 'invalid', signer: 'a registered certificate', detail: result.message };
    }
  } else if (kind === 'access_token' && isMicrosoftGraphAudience(payload.aud)) {
    signature = {
      status: 'not-for-you',
      detail:
        'Not for you to validate: this is a Microsoft Graph token. Only Graph validates it; third parties cannot (Graph signs its tokens in a way only Graph checks, and their format may change), so clients and other APIs treat it as opaque. An API that receives it must reject it on aud.',
    };
  } else {
    const result = await verifyJwt(token, await publishedJwks(), {
      now: 0,
      clockToleranceSeconds: 1e10,
    });
    signature = result.ok
      ? {
          status: 'valid',
          signer: "the authority's token-signing key",
          detail: `RS256 signature verified with the JWKS key kid=${String(header.kid)}.`,
        }
      : {
          status: 'invalid',
          detail: `Not verifiable with the authority's JWKS: ${result.message}${await customSignerOf(directory, header.kid)}`,
        };
  }
  const ver = payload.ver === '1.0' || payload.ver === '2.0' ? payload.ver : null;
  return {
    token,
    kind,
    version: ver,
    header,
    claims: Object.entries(payload).map(([name, value]) => ({
      name,
      value,
      explanation: explainClaim(name, kind),
      isTime: TIME_CLAIMS.has(name) && typeof value === 'number',
    })),
    signature,
    summary: describeToken(payload, kind, directory),
  };
}

const isFormBody = (headers: Record<string, string>): boolean =>
  (getHeader(headers, 'Content-Type') ?? '').includes('application/x-www-form-urlencoded');

/** Every string value a request carries at a named place, in wire order: URL query, headers, body. */
function requestValues(request: HttpRequest): { value: string; place: TokenPlace }[] {
  const values: { value: string; place: TokenPlace }[] = [];
  try {
    for (const [name, value] of new URL(request.url).searchParams) {
      values.push({ value, place: { in: 'query', name } });
    }
  } catch {
    // A request to a malformed URL carries no query parameters.
  }
  for (const [name, value] of Object.entries(request.headers)) {
    values.push({ value, place: { in: 'header', name } });
  }
  if (isFormBody(request.headers)) {
    for (const [name, value] of decodeForm(request.body)) {
      values.push({ value, place: { in: 'form', name } });
    }
  } else if ((getHeader(request.headers, 'Content-Type') ?? '').includes('json') && request.body) {
    try {
      values.push(...jsonFields(JSON.parse(request.body) as unknown));
    } catch {
      // A malformed JSON body has no fields; a token in it is sighted in the `body`.
    }
  }
  return values;
}

/** Every string value a response carries at a named place: headers (a redirect's parameters), then body. */
function responseValues(response: HttpResponse): { value: string; place: TokenPlace }[] {
  const values: { value: string; place: TokenPlace }[] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    const location = name.toLowerCase() === 'location' ? parseLocation(value) : undefined;
    if (location) values.push(...location);
    else values.push({ value, place: { in: 'header', name } });
  }
  values.push(...jsonFields(parseJsonBody(response)));
  const page = (getHeader(response.headers, 'Content-Type') ?? '').includes('text/html')
    ? readPage(response.body)
    : undefined;
  if (page?.page === 'form_post') {
    for (const [name, value] of Object.entries(page.fields)) {
      values.push({ value, place: { in: 'page', name } });
    }
  }
  return values;
}

function jsonFields(body: unknown): { value: string; place: TokenPlace }[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => ({ value, place: { in: 'json', name } }));
}

/** The query and fragment parameters of a `Location` value; `undefined` when it is no URL. */
function parseLocation(location: string): { value: string; place: TokenPlace }[] | undefined {
  let url: URL;
  try {
    // Relative redirects resolve against any origin: only their parameters matter here.
    url = new URL(location, 'https://relative.invalid');
  } catch {
    return undefined;
  }
  const values: { value: string; place: TokenPlace }[] = [];
  for (const [name, value] of url.searchParams) {
    values.push({ value, place: { in: 'location', name, part: 'query' } });
  }
  for (const [name, value] of new URLSearchParams(url.hash.slice(1))) {
    values.push({ value, place: { in: 'location', name, part: 'fragment' } });
  }
  return values;
}

/**
 * Where the known `tokens` appear in one message, in wire order; a token found nowhere named but
 * present in the body text is sighted in the `body`.
 */
function sightingsIn(
  values: { value: string; place: TokenPlace }[],
  body: string,
  tokens: readonly string[],
  step: number,
  message: TokenSighting['message'],
): TokenSighting[] {
  const sightings: TokenSighting[] = [];
  for (const { value, place } of values) {
    for (const token of tokens) {
      if (value.includes(token)) sightings.push({ token, step, message, place });
    }
  }
  const named = new Set(sightings.map((s) => s.token));
  const unnamed = tokens
    .filter((token) => !named.has(token) && body.includes(token))
    .sort((a, b) => body.indexOf(a) - body.indexOf(b));
  for (const token of unnamed) sightings.push({ token, step, message, place: { in: 'body' } });
  return sightings;
}

/**
 * Every appearance of the known `tokens` in the steps' messages, in wire order (see
 * {@link SimulationRun.tokenSightings}): a request at its request step, a response at its
 * response step.
 */
export function sightTokens(steps: SimStep[], tokens: readonly string[]): TokenSighting[] {
  const sightings: TokenSighting[] = [];
  for (const step of steps) {
    if (step.kind === 'request') {
      const { request } = step;
      sightings.push(
        ...sightingsIn(requestValues(request), request.body ?? '', tokens, step.index, 'request'),
      );
    } else if (step.response) {
      const { response } = step;
      sightings.push(
        ...sightingsIn(responseValues(response), response.body, tokens, step.index, 'response'),
      );
    }
  }
  return sightings;
}

/** Decodes every JWT found in `steps` and `facts`, keyed by the compact token. Never throws for odd input. */
export async function inspectRunTokens(
  steps: SimStep[],
  facts: StartingFact[],
  directory: Directory,
): Promise<Record<string, TokenInspection>> {
  const out: Record<string, TokenInspection> = {};
  const queue: { token: string; where: string }[] = facts.map((f) => ({
    token: f.token,
    where: 'starting fact',
  }));
  for (const step of steps) queue.push(...tokensInStep(step));
  for (const { token, where } of queue) {
    if (out[token]) continue;
    const inspected = await inspectToken(token, where, directory);
    if (inspected) out[token] = inspected;
  }
  return out;
}
