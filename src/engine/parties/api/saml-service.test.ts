// The SAML service's rules one by one (SAML_CHECKS): each refuses the assertion it exists for, in order.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../simulation/world';
import type { World } from '../../simulation/world';
import { toBase64 } from '../../crypto';
import { signXmlEnveloped } from '../../crypto/xml-signature';
import { getFixtureKey } from '../../crypto';
import { findUser } from '../../directory/directory';
import { mintSamlAssertion, SAML1_TOKEN_TYPE, SAML2_TOKEN_TYPE } from '../authority/saml-assertion';
import type { SamlAssertionSpec } from '../authority/saml-assertion';
import type { SamlCheckName } from '../../model/checks';
import { OBO_SAML, TIMESHEETS } from '../../../scenarios/obo-saml';
import { SAML_CHECKS } from './saml-service';

const URL_OF_SERVICE = `${TIMESHEETS.entityId}/api/timesheets/me`;
const ORDER = SAML_CHECKS.map((c) => c.name);

async function assertion(world: World, edit: Partial<SamlAssertionSpec> = {}): Promise<string> {
  const { directory } = world.runtime.scenario;
  const user = findUser(directory, '1e0b7c2d-4a5f-4b6e-9c8d-2f1a3b4c5d6e');
  const app = directory.applications.find((a) => a.appId === TIMESHEETS.appId);
  if (!user || !app) throw new Error('Scenario data missing.');
  const minted = await mintSamlAssertion(world.runtime.authorityEnv, {
    tokenType: SAML2_TOKEN_TYPE,
    tenantId: world.runtime.scenario.tenantId,
    user,
    app,
    entityId: TIMESHEETS.entityId,
    recipient: TIMESHEETS.acs,
    amr: ['pwd'],
    lifetimeSeconds: 3600,
    ...edit,
  });
  return minted.xml;
}

async function call(world: World, authorization?: string) {
  const response = await world.fetch(
    new Request(URL_OF_SERVICE, {
      headers: authorization ? { Authorization: authorization } : {},
    }),
  );
  const step = world.log().findLast((s) => s.kind === 'response' && s.from === 'timesheets');
  const checks = step?.events.find((e) => e.type === 'api.checks');
  return {
    status: response.status,
    failed: checks?.type === 'api.checks' ? checks.failed?.check : undefined,
    passed: checks?.type === 'api.checks' ? checks.passed : [],
    challenge: response.headers.get('WWW-Authenticate'),
  };
}

const saml = (xml: string) => `SAML ${toBase64(new TextEncoder().encode(xml))}`;
const before = (check: SamlCheckName) => ORDER.slice(0, ORDER.indexOf(check));

describe('SAML_CHECKS', () => {
  it('accepts the assertion the authority signs for it', async () => {
    const world = createWorld(OBO_SAML);
    const result = await call(world, saml(await assertion(world)));
    expect(result).toMatchObject({ status: 200, passed: ORDER });
  });

  it('saml-present: no header, another scheme, or text that is no assertion', async () => {
    const world = createWorld(OBO_SAML);
    for (const header of [undefined, 'Bearer abc', saml('<NotAnAssertion/>'), 'SAML %%%']) {
      const result = await call(world, header);
      expect(result).toMatchObject({ status: 401, failed: 'saml-present', passed: [] });
      expect(result.challenge).toBe(`SAML realm="${TIMESHEETS.entityId}"`);
    }
  });

  it('saml-version: a SAML 1.1 assertion at a SAML 2.0 service', async () => {
    const world = createWorld(OBO_SAML);
    const xml = await assertion(world, { tokenType: SAML1_TOKEN_TYPE });
    const result = await call(world, saml(xml));
    expect(result).toMatchObject({ failed: 'saml-version', passed: before('saml-version') });
  });

  it('saml-signature: a changed assertion, or one signed by another key', async () => {
    const world = createWorld(OBO_SAML);
    const changed = (await assertion(world)).replace('ada@', 'eve@');
    expect(await call(world, saml(changed))).toMatchObject({
      status: 401,
      failed: 'saml-signature',
      passed: before('saml-signature'),
    });
    const rogue = await getFixtureKey('rogue-authority');
    const unsigned = (await assertion(world)).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    const resigned = await signXmlEnveloped(
      unsigned,
      'rogue-authority',
      rogue.certificateBase64,
      'ID',
      'Issuer',
    );
    expect(await call(world, saml(resigned))).toMatchObject({ failed: 'saml-signature' });
  });

  it('saml-issuer: signed by the right key for another tenant', async () => {
    const world = createWorld(OBO_SAML);
    const xml = await assertion(world, { tenantId: '00000000-0000-0000-0000-0000000000aa' });
    expect(await call(world, saml(xml))).toMatchObject({
      failed: 'saml-issuer',
      passed: before('saml-issuer'),
    });
  });

  it('saml-audience: an assertion for another entity ID', async () => {
    const world = createWorld(OBO_SAML);
    const xml = await assertion(world, { entityId: 'https://payroll.contoso.example' });
    expect(await call(world, saml(xml))).toMatchObject({
      failed: 'saml-audience',
      passed: before('saml-audience'),
    });
  });

  it('saml-lifetime: past NotOnOrAfter beyond the clock-skew allowance', async () => {
    const world = createWorld(OBO_SAML);
    const xml = await assertion(world, { lifetimeSeconds: 60 });
    world.runtime.clock.now += 60 + 300 + 1;
    expect(await call(world, saml(xml))).toMatchObject({
      failed: 'saml-lifetime',
      passed: before('saml-lifetime'),
    });
  });

  it('saml-recipient: none (wildcard-only reply URLs) or another URL', async () => {
    const world = createWorld(OBO_SAML);
    for (const recipient of [undefined, 'https://other.contoso.example/saml/acs']) {
      const xml = await assertion(world, { recipient });
      expect(await call(world, saml(xml))).toMatchObject({
        failed: 'saml-recipient',
        passed: before('saml-recipient'),
      });
    }
  });
});
