// The scenario catalogue, in the order the picker shows it.
import type { ScenarioDefinition, ScenarioId } from '../engine/index';
import { CC_BASIC } from './cc-basic';
import { CC_CERTIFICATE } from './cc-certificate';
import { CC_SECRET } from './cc-secret';
import { OBO_CERTIFICATE } from './obo-certificate';
import { OBO_SECRET } from './obo-secret';
import { OBO_V1 } from './obo-v1';
import { OBO_SAML } from './obo-saml';
import { OBO_IMPLICIT } from './obo-implicit';
import { OBO_SPA } from './obo-spa';
import { OIDC_SIGN_IN } from './oidc-sign-in';
import { AUTH_CODE_PKCE } from './auth-code-pkce';
import { REFRESH_TOKEN } from './refresh-token';
import { FULL_CHAIN } from './full-chain';
import { TRUSTED_SUBSYSTEM } from './trusted-subsystem';
import { ADMIN_CONSENT } from './admin-consent';
import { CC_V1 } from './cc-v1';
import { CC_TOKEN_CACHE } from './cc-token-cache';

/** Every scenario, grouped by category in picker order. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  CC_SECRET,
  CC_CERTIFICATE,
  CC_BASIC,
  CC_V1,
  CC_TOKEN_CACHE,
  OBO_SECRET,
  OBO_CERTIFICATE,
  OBO_V1,
  OBO_SAML,
  OBO_IMPLICIT,
  OBO_SPA,
  OIDC_SIGN_IN,
  AUTH_CODE_PKCE,
  REFRESH_TOKEN,
  FULL_CHAIN,
  TRUSTED_SUBSYSTEM,
  ADMIN_CONSENT,
];

/** The scenario shown first. */
export const DEFAULT_SCENARIO_ID: ScenarioId = 'obo-secret';

/** Whether `id` names a scenario (for ids from URLs or imports). */
export function isScenarioId(id: string): id is ScenarioId {
  return SCENARIOS.some((s) => s.id === id);
}

/** The scenario with `id`. Throws `Error` for an unknown id (check with {@link isScenarioId} first). */
export function getScenario(id: ScenarioId): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown scenario "${id}".`);
  return found;
}
