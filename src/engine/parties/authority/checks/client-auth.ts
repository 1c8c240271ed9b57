// Confidential-client authentication: secret in the body, HTTP Basic, or a certificate assertion.
import { certificateThumbprints, decodeJwtParts, verifyJwtWithCertificate } from '../../../crypto';
import type { SigningAlg } from '../../../crypto';
import { formatAadTimestamp } from '../../../core/clock';
import type { KeyCredential } from '../../../directory/model';
import type { Check, TokenContext } from './check';

/** `client_assertion_type` for JWT client authentication (RFC 7523 section 2.2). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Clock leeway for client assertions, seconds (the platform's value is undocumented; 5 min is customary). */
export const ASSERTION_CLOCK_SKEW_SECONDS = 300;

function methodsUsed(ctx: TokenContext): string[] {
  const used: string[] = [];
  if (ctx.basic) used.push('client_secret_basic');
  if (ctx.form.has('client_secret')) used.push('client_secret_post');
  if (ctx.form.has('client_assertion')) used.push('private_key_jwt');
  return used;
}

/** At most one client authentication method (RFC 6749 section 2.3: "MUST NOT use more than one"). */
export const oneClientAuthMethod: Check = {
  name: 'one-client-auth-method',
  rule: 'The client uses one authentication method only (RFC 6749 section 2.3).',
  run: (ctx) => {
    const used = methodsUsed(ctx);
    if (used.length <= 1) return undefined;
    return {
      code: 9002313,
      args: { detail: `More than one client authentication method was used (${used.join(', ')}).` },
    };
  },
};

/** A confidential client sends a secret or an assertion; else AADSTS7000218. */
export const clientCredentialPresent: Check = {
  name: 'client-credential-present',
  rule: 'A confidential client proves its identity with a secret or a signed assertion.',
  run: (ctx) => (methodsUsed(ctx).length > 0 ? undefined : { code: 7000218 }),
};

/** The secret matches a registered, unexpired `passwordCredential`; else AADSTS7000215 / 7000222. */
export const clientSecretValid: Check = {
  name: 'client-secret-valid',
  rule: 'A client_secret (body or Basic) equals a registered secret that has not expired.',
  run: (ctx) => {
    const secret = ctx.basic?.secret ?? ctx.form.get('client_secret');
    if (secret === undefined) return undefined;
    const appId = ctx.client?.appId ?? '';
    if (
      ctx.basic &&
      ctx.form.get('client_id') &&
      ctx.form.get('client_id') !== ctx.basic.clientId
    ) {
      return {
        code: 9002313,
        args: { detail: 'The client_id in the body differs from the one in the Basic header.' },
      };
    }
    const match = ctx.client?.passwordCredentials.find((c) => c.secretText === secret);
    if (!match) return { code: 7000215, args: { appId } };
    if (match.endDateTime <= ctx.env.clock.now) return { code: 7000222, args: { appId } };
    ctx.clientAuth = '1';
    return undefined;
  },
};

interface AssertionParts {
  token: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  alg: SigningAlg;
  thumbprint: { kind: 'x5t#S256' | 'x5t'; value: string };
}

function readAssertion(ctx: TokenContext): AssertionParts | string {
  const token = ctx.form.get('client_assertion') ?? '';
  if (ctx.form.get('client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE) {
    return `client_assertion_type must be '${JWT_BEARER_ASSERTION_TYPE}'.`;
  }
  const parts = decodeJwtParts(token);
  if (!parts) return 'The client_assertion is not a compact JWS.';
  const alg = parts.header.alg;
  if (alg !== 'PS256' && alg !== 'RS256')
    return `Unsupported alg '${String(alg)}': use PS256 or RS256.`;
  const s256 = parts.header['x5t#S256'];
  const sha1 = parts.header.x5t;
  if (typeof s256 === 'string')
    return { token, ...parts, alg, thumbprint: { kind: 'x5t#S256', value: s256 } };
  if (typeof sha1 === 'string')
    return { token, ...parts, alg, thumbprint: { kind: 'x5t', value: sha1 } };
  return 'The JWT header has no certificate thumbprint (x5t#S256 or x5t).';
}

/** The assertion parses as a JWS with PS256/RS256 and a thumbprint header; else AADSTS50027. */
export const clientAssertionWellFormed: Check = {
  name: 'client-assertion-well-formed',
  rule: 'client_assertion is a JWT with alg PS256 or RS256 and an x5t#S256 (or x5t) header (certificate credentials doc).',
  run: (ctx) => {
    if (!ctx.form.has('client_assertion')) return undefined;
    const parts = readAssertion(ctx);
    return typeof parts === 'string' ? { code: 50027, args: { detail: parts } } : undefined;
  },
};

async function findKeyCredential(
  ctx: TokenContext,
  parts: AssertionParts,
): Promise<KeyCredential | undefined> {
  for (const credential of ctx.client?.keyCredentials ?? []) {
    // A custom token-signing key (usage Sign) is not a client credential.
    if (credential.usage !== 'Verify') continue;
    const prints = await certificateThumbprints(credential.key);
    const expected = parts.thumbprint.kind === 'x5t#S256' ? prints.x5tS256 : prints.x5t;
    if (expected === parts.thumbprint.value) return credential;
  }
  return undefined;
}

/** The thumbprint names a certificate registered on the app (`keyCredentials`); else AADSTS700027. */
export const clientAssertionKeyRegistered: Check = {
  name: 'client-assertion-key-registered',
  rule: "The assertion's thumbprint header names a certificate uploaded to the app registration.",
  run: async (ctx) => {
    if (!ctx.form.has('client_assertion')) return undefined;
    const parts = readAssertion(ctx) as AssertionParts;
    if (await findKeyCredential(ctx, parts)) return undefined;
    return {
      code: 700027,
      args: {
        reason: 'Key was not found.',
        thumbprint: parts.thumbprint.value,
        appId: ctx.client?.appId ?? '',
      },
    };
  },
};

/** The signature verifies with that certificate and `nbf`..`exp` contains now; else AADSTS700027 / 700024. */
export const clientAssertionSignature: Check = {
  name: 'client-assertion-signature',
  rule: 'The assertion is signed by the registered certificate and valid now (nbf <= now < exp, 5 min leeway).',
  run: async (ctx) => {
    if (!ctx.form.has('client_assertion')) return undefined;
    const parts = readAssertion(ctx) as AssertionParts;
    const credential = (await findKeyCredential(ctx, parts)) as KeyCredential;
    const now = ctx.env.clock.now;
    const result = await verifyJwtWithCertificate(
      parts.token,
      credential.key,
      parts.alg,
      now,
      ASSERTION_CLOCK_SKEW_SECONDS,
    );
    if (result.ok) {
      ctx.clientAuth = '2';
      return undefined;
    }
    if (result.reason === 'expired' || result.reason === 'not_yet_valid') {
      const time = (v: unknown) => (typeof v === 'number' ? formatAadTimestamp(v) : 'none');
      return {
        code: 700024,
        args: {
          now: formatAadTimestamp(now),
          nbf: time(parts.payload.nbf),
          exp: time(parts.payload.exp),
        },
      };
    }
    return {
      code: 700027,
      args: {
        reason: 'Signature is invalid.',
        thumbprint: parts.thumbprint.value,
        appId: ctx.client?.appId ?? '',
      },
    };
  },
};

/** `aud` is exactly the token endpoint URL called; else AADSTS700023. */
export const clientAssertionAudience: Check = {
  name: 'client-assertion-audience',
  rule: "The assertion's aud is exactly the token endpoint URL it is sent to (RFC 7523 section 3).",
  run: (ctx) => {
    if (!ctx.form.has('client_assertion')) return undefined;
    const { payload } = readAssertion(ctx) as AssertionParts;
    const endpoint = `${ctx.url.origin}${ctx.url.pathname}`.toLowerCase();
    if (typeof payload.aud === 'string' && payload.aud.toLowerCase() === endpoint) return undefined;
    return { code: 700023, args: { aud: JSON.stringify(payload.aud ?? null) } };
  },
};

/** `iss` and `sub` both equal the client id; else AADSTS50048. */
export const clientAssertionSubject: Check = {
  name: 'client-assertion-subject',
  rule: "The assertion's iss and sub are both the client_id (RFC 7523 section 3).",
  run: (ctx) => {
    if (!ctx.form.has('client_assertion')) return undefined;
    const { payload } = readAssertion(ctx) as AssertionParts;
    if (payload.iss === ctx.clientId && payload.sub === ctx.clientId) return undefined;
    return { code: 50048, args: { sub: String(payload.sub), iss: String(payload.iss) } };
  },
};

/** Client authentication checks, in order. */
export const CLIENT_AUTH_CHECKS: readonly Check[] = [
  oneClientAuthMethod,
  clientCredentialPresent,
  clientSecretValid,
  clientAssertionWellFormed,
  clientAssertionKeyRegistered,
  clientAssertionSignature,
  clientAssertionAudience,
  clientAssertionSubject,
];
