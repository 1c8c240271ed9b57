// Where a whole run stops, as a named check: the person's decisions and the authority's rules end flows at one rule each.
import { describe, it } from 'vitest';
import { runScenario } from '../../index';
import { getScenario } from '../../../scenarios/index';
import type { ScenarioId } from '../../model/scenario';
import { expectStoppedAt } from './authority.test-helpers';

const run = (id: ScenarioId, variant: string) =>
  runScenario(getScenario(id), { variants: [variant], seed: 7, decisions: 'script' });

describe('a run stops at the rule the what-if breaks', () => {
  it('Ada cancels the consent prompt: consent-granted (AADSTS65004)', async () => {
    expectStoppedAt(await run('auth-code-pkce', 'user-cancels-consent'), 'consent-granted', 65004);
  });

  it('a permission only an admin can grant: consent-granted (AADSTS90094)', async () => {
    expectStoppedAt(await run('auth-code-pkce', 'admin-only-permission'), 'consent-granted', 90094);
  });

  it('Ada denies the MFA prompt: mfa-satisfied (AADSTS500121)', async () => {
    expectStoppedAt(await run('full-chain', 'user-denies-mfa'), 'mfa-satisfied', 500121);
  });

  it('the app sends an unregistered reply URL: redirect-uri-registered (AADSTS50011)', async () => {
    expectStoppedAt(
      await run('auth-code-pkce', 'redirect-not-registered'),
      'redirect-uri-registered',
      50011,
    );
  });

  it('the app redeems its code twice: code-not-redeemed (AADSTS54005)', async () => {
    expectStoppedAt(await run('auth-code-pkce', 'code-replayed'), 'code-not-redeemed', 54005);
  });

  it('the verifier does not match the challenge: pkce-verifier (AADSTS501481)', async () => {
    expectStoppedAt(await run('auth-code-pkce', 'pkce-mismatch'), 'pkce-verifier', 501481);
  });
});
