// Test helpers for the authority's spec tests: post token requests to a world, assert AADSTS error bodies.
import { expect } from 'vitest';
import type { World } from '../../simulation/world';
import { getFixtureKey, signJwt } from '../../crypto';
import type { FixtureKeyName, SigningAlg } from '../../crypto';
import type { SimulationRun, TraceEvent } from '../../model/trace';
import type { CheckName } from './checks/check';
import { AUTHORITY_ORIGIN } from './keys';
import { tokenCheckOrder } from './token-endpoint';
import type { TokenGrantType } from './token-endpoint';

/** `client_assertion_type` of certificate credentials (RFC 7523 section 2.2). */
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `grant_type` of On-Behalf-Of (RFC 7523 section 2.1). */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** `yyyy-MM-dd HH:mm:ssZ`, the platform's error timestamp format. */
export const AAD_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/;

/** A lower-case GUID. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The token endpoint URL of the world's tenant (or of `tenant`), v2 (`/oauth2/v2.0/token`) or v1 (`/oauth2/token`). */
export function tokenUrl(world: World, endpoint: 'v1' | 'v2' = 'v2', tenant?: string): string {
  const segment = tenant ?? world.runtime.scenario.tenantId;
  const path = endpoint === 'v2' ? 'oauth2/v2.0/token' : 'oauth2/token';
  return `${AUTHORITY_ORIGIN}/${segment}/${path}`;
}

/** Options of {@link postToken}. */
export interface PostOptions {
  endpoint?: 'v1' | 'v2';
  /** Tenant path segment; defaults to the scenario's tenant id. */
  tenant?: string;
  /** A full URL instead of the computed one (e.g. with a query string). */
  url?: string;
  method?: 'GET' | 'POST';
}

/**
 * POSTs `params` form-encoded to the token endpoint through `world.fetch`. Entries whose value is
 * `undefined` are left out. Resolves with the standard `Response`.
 */
export function postToken(
  world: World,
  params: Record<string, string | undefined>,
  headers: Record<string, string> = {},
  options: PostOptions = {},
): Promise<Response> {
  const url = options.url ?? tokenUrl(world, options.endpoint, options.tenant);
  const method = options.method ?? 'POST';
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) body.append(key, value);
  }
  return world.fetch(
    new Request(url, {
      method,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      ...(method === 'POST' ? { body: body.toString() } : {}),
    }),
  );
}

/** `Authorization: Basic` value: base64(urlencode(id) ":" urlencode(secret)) (RFC 6749 section 2.3.1). */
export function basicAuthorization(clientId: string, secret: string): string {
  const form = (v: string) => new URLSearchParams({ v }).toString().slice(2);
  const bytes = new TextEncoder().encode(`${form(clientId)}:${form(secret)}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** The expected shape of an AADSTS error response. */
export interface ExpectedAadError {
  status: number;
  error: string;
  code: number;
  /** Expected `suberror`; when omitted the body must have none. */
  suberror?: string;
  /** Whether the body carries a `claims` string (default false). */
  claims?: boolean;
  /** Substrings the `error_description` must contain. */
  descriptionContains?: string[];
}

/** An error body as the token endpoint sends it. */
export interface AadErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

/**
 * Asserts `response` is the platform's token-endpoint error: status, `error`, `error_codes[0]`,
 * the `AADSTSnnnn:` prefix of `error_description` (followed by its Trace ID, Correlation ID and
 * Timestamp), `trace_id`, `correlation_id`, `timestamp` (`yyyy-MM-dd HH:mm:ssZ`), `error_uri`,
 * and `suberror` / `claims` only when expected. Resolves with the parsed body.
 */
export async function expectAadError(
  response: Response,
  expected: ExpectedAadError,
): Promise<AadErrorBody> {
  const text = await response.text();
  const body = JSON.parse(text) as AadErrorBody;
  expect({ status: response.status, error: body.error, code: body.error_codes?.[0] }).toEqual({
    status: expected.status,
    error: expected.error,
    code: expected.code,
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toContain('no-store');
  expect(body.error_codes).toEqual([expected.code]);
  expect(body.error_description.startsWith(`AADSTS${expected.code}: `)).toBe(true);
  expect(body.trace_id).toMatch(GUID);
  expect(typeof body.correlation_id).toBe('string');
  expect(body.correlation_id.length).toBeGreaterThan(0);
  expect(body.timestamp).toMatch(AAD_TIMESTAMP);
  expect(body.error_description).toContain(`Trace ID: ${body.trace_id}`);
  expect(body.error_description).toContain(`Correlation ID: ${body.correlation_id}`);
  expect(body.error_description).toContain(`Timestamp: ${body.timestamp}`);
  expect(body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${expected.code}`);
  if (expected.suberror === undefined) expect(body).not.toHaveProperty('suberror');
  else expect(body.suberror).toBe(expected.suberror);
  if (expected.claims) expect(typeof body.claims).toBe('string');
  else expect(body).not.toHaveProperty('claims');
  for (const part of expected.descriptionContains ?? []) {
    expect(body.error_description).toContain(part);
  }
  return body;
}

/** The `authority.checks` event of the world's last authority response. */
export function lastChecksEvent(
  world: World,
): Extract<TraceEvent, { type: 'authority.checks' }> | undefined {
  const steps = world.log();
  for (let i = steps.length - 1; i >= 0; i--) {
    const event = steps[i]?.events.find((e) => e.type === 'authority.checks');
    if (event?.type === 'authority.checks') return event;
  }
  return undefined;
}

/**
 * The checks a `grantType` request passes before it reaches `check`, sliced from the token
 * endpoint's own ordered table ({@link tokenCheckOrder}): one source of the order for every test.
 * Throws when `check` is not in that grant's table (a typo or a renamed check).
 */
export function checksBefore(grantType: TokenGrantType, check: CheckName): CheckName[] {
  const order = tokenCheckOrder(grantType);
  const index = order.indexOf(check);
  if (index < 0) throw new Error(`'${check}' is not a check of the ${grantType} grant.`);
  return order.slice(0, index);
}

/**
 * Where a run or a world stopped, as a named state (tldraw's `expectToBeIn`): asserts the last
 * request the authority checked failed at `check` (and with AADSTS `code`, when given). Returns
 * the checks that passed before it on that request, in order.
 * @example expectStoppedAt(run, 'consent-granted');
 */
export function expectStoppedAt(
  run: Pick<SimulationRun, 'steps'> | World,
  check: CheckName,
  code?: number,
): CheckName[] {
  const steps = 'log' in run ? run.log() : run.steps;
  const last = steps
    .flatMap((step) => step.events.flatMap((e) => (e.type === 'authority.checks' ? [e] : [])))
    .at(-1);
  expect(last?.failed?.check, 'the check the run stopped at').toBe(check);
  if (code !== undefined) expect(last?.failed?.code, `the AADSTS code of ${check}`).toBe(code);
  return last?.passed ?? [];
}

/** Decodes a compact JWT's payload without verifying it (tests only). */
export function jwtPayload(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Options of {@link signClientAssertion}: the claims a certificate credential's JWT carries. */
export interface ClientAssertionOptions {
  key: FixtureKeyName;
  alg?: SigningAlg;
  clientId: string;
  /** The token endpoint URL (`aud`). */
  audience: string;
  /** `nbf`/`iat`, epoch seconds. */
  now: number;
  /** Lifetime in seconds (default 600, as MSAL). */
  lifetime?: number;
  jti?: string;
  /** Which thumbprint header to send; default `x5t#S256` for PS256 and `x5t` for RS256. */
  thumbprint?: 'x5t#S256' | 'x5t' | 'none';
  /** Claims merged over the defaults (e.g. a different `sub`). */
  payload?: Record<string, unknown>;
  /** Thumbprints of this fixture instead of `key`'s (to claim a registered certificate). */
  thumbprintOf?: FixtureKeyName;
}

/** Signs a client assertion (RFC 7523 section 3) with a fixture key, as MSAL builds it. */
export async function signClientAssertion(options: ClientAssertionOptions): Promise<string> {
  const alg = options.alg ?? 'PS256';
  const prints = (await getFixtureKey(options.thumbprintOf ?? options.key)).thumbprints;
  const kind = options.thumbprint ?? (alg === 'PS256' ? 'x5t#S256' : 'x5t');
  const header =
    kind === 'none'
      ? {}
      : kind === 'x5t#S256'
        ? { 'x5t#S256': prints.x5tS256 }
        : { x5t: prints.x5t };
  return signJwt(options.key, alg, header, {
    aud: options.audience,
    iss: options.clientId,
    sub: options.clientId,
    jti: options.jti ?? '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b',
    nbf: options.now,
    iat: options.now,
    exp: options.now + (options.lifetime ?? 600),
    ...options.payload,
  });
}
