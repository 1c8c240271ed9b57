// An edited world: a scenario's data without its what-if functions, versioned, validated by zod.
// The editor, share links and the workspace's files all carry this shape.
import { z } from 'zod';
import type { Party, ScenarioDefinition } from '../../engine/index';
import { findApplicationByResource, findServicePrincipal } from '../../engine/wire';
import { WORLD_VERSION, scenarioFromWorld } from './convert';
import { directorySchema } from './directory-schema';
import {
  actionNarrationSchema,
  decisionSchema,
  docRefSchema,
  partySchema,
  startingTokenSchema,
} from './party-schema';

export { WORLD_VERSION, scenarioFromWorld, worldFromScenario } from './convert';

/** Scenario categories (the picker's groups), as `ScenarioDefinition['category']`. */
export const WORLD_CATEGORIES = [
  'Client credentials',
  'On-Behalf-Of',
  'Sign-in and consent',
  'Consent and tenants',
] as const satisfies readonly ScenarioDefinition['category'][];

const point = z
  .object({ x: z.number().min(-100_000).max(100_000), y: z.number().min(-100_000).max(100_000) })
  .strict();

/** The world's fields before the cross-reference checks (for `z.toJSONSchema`). */
const worldObject = z
  .object({
    version: z.literal(WORLD_VERSION),
    /** The built-in scenario whose what-if switches still apply to this world. */
    baseScenario: z.string().min(1).max(100),
    title: z.string().min(1).max(200),
    summary: z.string().max(5000),
    category: z.enum(WORLD_CATEGORIES),
    /** Simulated start time, epoch seconds. */
    startTime: z.number().int().min(0).max(32_503_680_000),
    tenantId: z.string().min(1).max(200),
    directory: directorySchema,
    parties: z.array(partySchema).min(2).max(200),
    starter: z.string().min(1).max(60),
    startingTokens: z.array(startingTokenSchema).max(50),
    userScript: z.array(decisionSchema).max(50).optional(),
    narration: z.record(z.string().max(200), actionNarrationSchema),
    docs: z.array(docRefSchema).max(50),
    layout: z.record(z.string().max(60), point),
  })
  .strict();

type Ctx = z.core.$RefinementCtx<z.infer<typeof worldObject>>;

/** The OBO hops from `start` (ids in order); stops at the first party seen twice. */
function oboChain(start: Party, byId: Map<string, Party>): { chain: string[]; cycle: boolean } {
  const chain = [start.id];
  let current: Party | undefined = start;
  while (current && 'obo' in current && current.obo) {
    const next = current.obo.downstream;
    if (chain.includes(next)) return { chain: [...chain, next], cycle: true };
    chain.push(next);
    current = byId.get(next);
  }
  return { chain, cycle: false };
}

/** Checks that ids the world refers to exist: a message at the field that names a missing one. */
function checkReferences(world: z.infer<typeof worldObject>, ctx: Ctx): void {
  const byId = new Map<string, Party>();
  world.parties.forEach((party, index) => {
    if (byId.has(party.id))
      ctx.addIssue({
        code: 'custom',
        path: ['parties', index, 'id'],
        message: `Another party already has the id "${party.id}".`,
      });
    byId.set(party.id, party as Party);
  });
  const isApi = (id: string) => {
    const kind = byId.get(id)?.kind;
    return kind === 'api' || kind === 'middle-tier-api';
  };
  const authorities = world.parties.filter((p) => p.kind === 'authority').length;
  if (authorities !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['parties'],
      message: `A world has exactly one authority party (this one has ${authorities}).`,
    });
  const starter = byId.get(world.starter);
  if (!starter || !['daemon', 'spa', 'browser'].includes(starter.kind))
    ctx.addIssue({
      code: 'custom',
      path: ['starter'],
      message: starter
        ? `The starter "${world.starter}" is a ${starter.kind}; it must be a client (daemon, SPA) or a browser.`
        : `No party has the id "${world.starter}".`,
    });
  const userIds = new Set(world.directory.users.map((u) => u.id));
  if (!world.directory.tenants.some((t) => t.id === world.tenantId))
    ctx.addIssue({
      code: 'custom',
      path: ['tenantId'],
      message: `No tenant in the directory has the id "${world.tenantId}".`,
    });
  world.parties.forEach((party, index) => {
    if (party.kind === 'daemon' || party.kind === 'spa')
      party.program.forEach((action, a) => {
        if (action.do === 'call-api' && !isApi(action.target))
          ctx.addIssue({
            code: 'custom',
            path: ['parties', index, 'program', a, 'target'],
            message: `"${action.target}" is not an API party of this world.`,
          });
      });
    if ((party.kind === 'api' || party.kind === 'middle-tier-api') && party.obo) {
      const downstreamKind = byId.get(party.obo.downstream)?.kind;
      const samlDownstream = downstreamKind === 'saml-service' && party.obo.requestedTokenType;
      if (!isApi(party.obo.downstream) && !samlDownstream)
        ctx.addIssue({
          code: 'custom',
          path: ['parties', index, 'obo', 'downstream'],
          message: `"${party.obo.downstream}" is not an API party of this world.`,
        });
      const { chain, cycle } = oboChain(party as Party, byId);
      if (cycle)
        ctx.addIssue({
          code: 'custom',
          path: ['parties', index, 'obo', 'downstream'],
          message: `The On-Behalf-Of calls go round in a circle: ${chain.join(' -> ')}.`,
        });
    }
    if (party.kind === 'web-app' && party.api && !isApi(party.api.target))
      ctx.addIssue({
        code: 'custom',
        path: ['parties', index, 'api', 'target'],
        message: `"${party.api.target}" is not an API party of this world.`,
      });
    if (party.kind === 'browser' && !userIds.has(party.userId))
      ctx.addIssue({
        code: 'custom',
        path: ['parties', index, 'userId'],
        message: `No user in the directory has the id "${party.userId}".`,
      });
  });
  // The authority mints starting tokens before step 1: their client and resource must be apps
  // with a service principal in the world's tenant (the runtime refuses to start otherwise).
  const directory = world.directory as ScenarioDefinition['directory'];
  const inTenant = (appId: string) => !!findServicePrincipal(directory, world.tenantId, appId);
  world.startingTokens.forEach((token, index) => {
    const { clientAppId, resource } = token.spec;
    if (!directory.applications.some((a) => a.appId === clientAppId) || !inTenant(clientAppId))
      ctx.addIssue({
        code: 'custom',
        path: ['startingTokens', index, 'spec', 'clientAppId'],
        message: `No app registration with a service principal in tenant ${world.tenantId} has the app id "${clientAppId}".`,
      });
    const resourceApp = findApplicationByResource(directory, resource);
    if (!resourceApp || !inTenant(resourceApp.appId))
      ctx.addIssue({
        code: 'custom',
        path: ['startingTokens', index, 'spec', 'resource'],
        message: `No app registration with a service principal in tenant ${world.tenantId} is the resource "${resource}" (its app id or an App ID URI).`,
      });
    if (!byId.has(token.holder))
      ctx.addIssue({
        code: 'custom',
        path: ['startingTokens', index, 'holder'],
        message: `No party has the id "${token.holder}".`,
      });
    if (token.spec.kind === 'delegated' && !userIds.has(token.spec.userId))
      ctx.addIssue({
        code: 'custom',
        path: ['startingTokens', index, 'spec', 'userId'],
        message: `No user in the directory has the id "${token.spec.userId}".`,
      });
  });
}

/**
 * An edited world, format {@link WORLD_VERSION}: a `ScenarioDefinition` without `id` and
 * `variants` (functions cannot be data), plus `baseScenario` (the built-in scenario whose what-ifs
 * still apply) and `version`. Times are epoch seconds. Cross-references (starter, API targets,
 * OBO downstreams without cycles, users, tenants, token holders) are checked too.
 */
export const worldSchema = worldObject.superRefine(checkReferences);

/** An edited world (see {@link worldSchema}). */
export type World = z.infer<typeof worldSchema>;

/** One problem with a world: where (`parties.2.obo.downstream`; `''` = the whole value) and what. */
export interface WorldIssue {
  path: string;
  message: string;
}

/** Joins a zod issue path as dotted text (`parties.2.obo.downstream`). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Validates any value as a {@link World}. Never throws: bad input gives every issue zod found,
 * each with its dotted path and a readable message.
 */
export function parseWorld(
  input: unknown,
): { ok: true; world: World } | { ok: false; issues: WorldIssue[] } {
  try {
    const parsed = worldSchema.safeParse(input);
    if (parsed.success) return { ok: true, world: parsed.data };
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issuePath(issue.path),
        message: issue.message,
      })),
    };
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '', message: error instanceof Error ? error.message : 'Not a world.' }],
    };
  }
}

/** The JSON Schema (draft 2020-12) of a world, for the JSON editor's completion and messages. */
export function worldJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(worldObject, { unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * Validates `input` and builds the runnable scenario in one go, for the editor, links and files:
 * schema issues, or a `baseScenario` that `catalogue` lacks (an issue at `baseScenario`). Never
 * throws.
 */
export function resolveWorld(
  input: unknown,
  catalogue: readonly ScenarioDefinition[],
): { ok: true; world: World; scenario: ScenarioDefinition } | { ok: false; issues: WorldIssue[] } {
  const parsed = parseWorld(input);
  if (!parsed.ok) return parsed;
  if (!catalogue.some((s) => s.id === parsed.world.baseScenario))
    return {
      ok: false,
      issues: [
        {
          path: 'baseScenario',
          message: `No built-in scenario has the id "${parsed.world.baseScenario}" (one of: ${catalogue.map((s) => s.id).join(', ')}).`,
        },
      ],
    };
  return { ok: true, world: parsed.world, scenario: scenarioFromWorld(parsed.world, catalogue) };
}
