// The parties of an edited world in zod: who calls whom, with which credential, flow and scopes.
// Field names and meanings follow src/engine/model/scenario.ts.
import { z } from 'zod';
import type { FixtureKeyName } from '../../engine/index';
import { decisionSchema } from '../link/schema';

const partyId = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Party ids are lower-case letters, digits and dashes.');
const label = z.string().min(1).max(120);
const description = z.string().max(2000);
const appId = z.string().min(1).max(200);
const actionId = z.string().min(1).max(100);
const baseUrl = z
  .string()
  .max(300)
  .regex(
    /^https:\/\/[a-z0-9.-]+(:\d+)?$/i,
    'Expected an https origin such as https://api.contoso.example (no path).',
  );

/** The committed fixture keys a `private_key_jwt` credential may sign with. */
export const FIXTURE_KEY_NAMES = [
  'authority',
  'rogue-authority',
  'daemon-app',
  'middle-tier-api',
  'unregistered',
] as const satisfies readonly FixtureKeyName[];

/**
 * A key made by "Generate a certificate" (see `GeneratedSigningKey`): a PKCS#8 PEM private key
 * (RFC 7468 section 10) and the certificate DER as standard base64. Only the shape is checked here;
 * a key jose cannot import makes the client send no credential (AADSTS7000218).
 */
export const generatedKeySchema = z
  .object({
    pkcs8: z
      .string()
      .max(8_000)
      .regex(
        /^-----BEGIN PRIVATE KEY-----\r?\n(?:[A-Za-z0-9+/=]{1,76}\r?\n)+-----END PRIVATE KEY-----\r?\n?$/,
        'Expected a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----).',
      ),
    certificate: z
      .string()
      .max(8_000)
      .regex(
        /^MII[A-Za-z0-9+/]+={0,2}$/,
        'Expected the certificate DER as standard base64 (as in keyCredentials[].key).',
      ),
  })
  .strict();

/** How a confidential client authenticates (see `ClientCredential`). Seconds. */
export const credentialSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('client_secret_post'), secret: z.string().min(1).max(500) }).strict(),
  z.object({ type: z.literal('client_secret_basic'), secret: z.string().min(1).max(500) }).strict(),
  z
    .object({
      type: z.literal('private_key_jwt'),
      key: z.union([z.enum(FIXTURE_KEY_NAMES), generatedKeySchema]),
      alg: z.enum(['RS256', 'PS256']),
      audience: z.string().max(500).optional(),
      lifetimeSeconds: z.number().int().min(-86_400).max(86_400).optional(),
      notBeforeOffsetSeconds: z.number().int().min(-86_400).max(86_400).optional(),
    })
    .strict(),
  z.object({ type: z.literal('none') }).strict(),
]);

/** A choice of a clock beat (see `ClockChoice`), for browser and client `wait` actions. */
const clockChoice = z
  .object({
    label: z.string().min(1).max(100),
    seconds: z
      .number()
      .int()
      .min(0)
      .max(400 * 86_400),
  })
  .strict();

const endpoint = z.enum(['v1', 'v2']);

/** A step of a client's program (see `ClientAction`). */
export const clientActionSchema = z.discriminatedUnion('do', [
  z
    .object({
      do: z.literal('acquire-token'),
      id: actionId,
      grant: z.literal('client_credentials'),
      endpoint,
      scope: z.string().max(2000).optional(),
      resource: z.string().max(500).optional(),
      saveAs: z.string().min(1).max(60),
    })
    .strict(),
  z
    .object({
      do: z.literal('call-api'),
      id: actionId,
      target: partyId,
      method: z.literal('GET'),
      path: z
        .string()
        .regex(/^\/[^\s]*$/, 'Expected a path starting with /.')
        .max(500),
      token: z.string().min(1).max(60),
    })
    .strict(),
  z
    .object({
      do: z.literal('wait'),
      id: actionId,
      title: z.string().max(200),
      choices: z.array(clockChoice).min(1).max(10),
    })
    .strict(),
]);

const clientParty = z
  .object({
    id: partyId,
    kind: z.enum(['daemon', 'spa']),
    label,
    appId,
    description,
    credential: credentialSchema,
    program: z.array(clientActionSchema).max(50),
    tokenCache: z
      .object({ refreshBeforeExpirySeconds: z.number().int().min(0).max(86_400) })
      .strict()
      .optional(),
    signUp: z
      .object({
        baseUrl,
        redirectPath: z
          .string()
          .regex(/^\/[^\s]*$/, 'Expected a path starting with /.')
          .max(500),
        tenant: z.string().min(1).max(200),
        endpoint,
        scope: z.string().max(2000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const oboCall = z
  .object({
    id: actionId,
    credential: credentialSchema,
    endpoint,
    scope: z.string().max(2000).optional(),
    resource: z.string().max(500).optional(),
    requestedTokenType: z
      .enum(['urn:ietf:params:oauth:token-type:saml2', 'urn:ietf:params:oauth:token-type:saml1'])
      .optional(),
    downstream: partyId,
    path: z
      .string()
      .regex(/^\/[^\s]*$/, 'Expected a path starting with /.')
      .max(500),
    tokenCache: z
      .object({ refreshBeforeExpirySeconds: z.number().int().min(0).max(86_400) })
      .strict()
      .optional(),
  })
  .strict();

const apiParty = z
  .object({
    id: partyId,
    kind: z.enum(['api', 'middle-tier-api']),
    label,
    appId,
    description,
    baseUrl,
    validation: z
      .object({
        audiences: z.array(z.string().min(1).max(500)).max(20),
        validateAudience: z.boolean(),
        requiredScopes: z.array(z.string().min(1).max(200)).max(50),
        requiredRoles: z.array(z.string().min(1).max(200)).max(50),
        allowAppOnly: z.boolean(),
        clockToleranceSeconds: z.number().int().min(0).max(86_400),
        anyTenant: z.boolean().optional(),
      })
      .strict(),
    data: z.record(z.string(), z.unknown()),
    obo: oboCall.optional(),
    trustedUserHeader: z.string().min(1).max(100).optional(),
  })
  .strict();

/** A SAML-protected web service (see `SamlServiceParty`). Seconds. */
const samlServiceParty = z
  .object({
    id: partyId,
    kind: z.literal('saml-service'),
    label,
    appId,
    description,
    baseUrl,
    entityId: z.string().min(1).max(500),
    recipientUrl: z.string().url().max(500),
    samlVersion: z.enum(['2.0', '1.1']),
    clockToleranceSeconds: z.number().int().min(0).max(86_400),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();

const authorityParty = z
  .object({ id: partyId, kind: z.literal('authority'), label, description })
  .strict();

const webAppParty = z
  .object({
    id: partyId,
    kind: z.literal('web-app'),
    label,
    appId,
    description,
    baseUrl,
    credential: credentialSchema,
    singlePageApp: z.boolean().optional(),
    signIn: z
      .object({
        endpoint,
        responseType: z.enum(['code', 'code id_token', 'id_token token']),
        responseMode: z.enum(['query', 'form_post', 'fragment']),
        scope: z.string().min(1).max(2000),
        redirectPath: z
          .string()
          .regex(/^\/[^\s]*$/, 'Expected a path starting with /.')
          .max(500),
        pkce: z.boolean(),
        prompt: z.enum(['login', 'consent', 'none']).optional(),
        loginHint: z.string().max(300).optional(),
      })
      .strict(),
    api: z
      .object({
        target: partyId,
        path: z.string().max(500),
        identity: z.enum(['delegated', 'application']).optional(),
        appScope: z.string().min(1).max(2000).optional(),
        userHeader: z.string().min(1).max(100).optional(),
      })
      .strict()
      .optional(),
    quirks: z
      .object({
        redirectUriOverride: z.string().max(2000).optional(),
        wrongCodeVerifier: z.boolean().optional(),
        redeemCodeTwice: z.boolean().optional(),
        forgedState: z.boolean().optional(),
        onBehalfOf: z
          .object({
            assertion: z.enum(['id_token', 'access_token']),
            scope: z.string().min(1).max(2000),
            target: partyId.optional(),
          })
          .strict()
          .optional(),
        userHeaderOverride: z.string().max(300).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const browserParty = z
  .object({
    id: partyId,
    kind: z.literal('browser'),
    label,
    description,
    userId: z.string().min(1).max(200),
    program: z
      .array(
        z.discriminatedUnion('do', [
          z.object({ do: z.literal('navigate'), id: actionId, url: z.url().max(4000) }).strict(),
          z
            .object({
              do: z.literal('wait'),
              id: actionId,
              title: z.string().max(200),
              choices: z.array(clockChoice).min(1).max(10),
            })
            .strict(),
        ]),
      )
      .max(50),
  })
  .strict();

const userParty = z.object({ id: partyId, kind: z.literal('user'), label, description }).strict();

/** Any party (see `Party`), told apart by `kind`. */
export const partySchema = z.discriminatedUnion('kind', [
  clientParty,
  apiParty,
  samlServiceParty,
  authorityParty,
  webAppParty,
  browserParty,
  userParty,
]);

/** A token some party holds at the start (see `StartingToken`). Seconds. */
export const startingTokenSchema = z
  .object({
    name: z.string().min(1).max(60),
    holder: partyId,
    title: z.string().max(200),
    description,
    spec: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('delegated'),
          userId: z.string().min(1).max(200),
          clientAppId: appId,
          resource: z.string().min(1).max(500),
          scopes: z.array(z.string().min(1).max(200)).max(50),
          amr: z.array(z.string().min(1).max(20)).max(10),
          ageSeconds: z
            .number()
            .int()
            .min(0)
            .max(400 * 86_400),
          lifetimeSeconds: z
            .number()
            .int()
            .min(1)
            .max(400 * 86_400)
            .optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('app-only'),
          clientAppId: appId,
          resource: z.string().min(1).max(500),
          ageSeconds: z
            .number()
            .int()
            .min(0)
            .max(400 * 86_400),
          lifetimeSeconds: z
            .number()
            .int()
            .min(1)
            .max(400 * 86_400)
            .optional(),
        })
        .strict(),
    ]),
  })
  .strict();

/** A documentation link (`DocRef`). */
export const docRefSchema = z
  .object({ label: z.string().min(1).max(300), url: z.url({ protocol: /^https$/ }).max(2000) })
  .strict();

const narrationSchema = z
  .object({
    title: z.string().max(300),
    text: z.string().max(5000),
    docs: z.array(docRefSchema).max(20),
  })
  .strict();

/** Narration for one action's messages (`ActionNarration`). */
export const actionNarrationSchema = z
  .object({
    request: narrationSchema,
    response: narrationSchema.optional(),
    error: narrationSchema.optional(),
    redirect: narrationSchema.optional(),
  })
  .strict();

export { decisionSchema };
