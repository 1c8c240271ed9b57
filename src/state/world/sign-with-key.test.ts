// A party signs in with a certificate made by "Generate a certificate": the world carries the key,
// the schema accepts it, and the authority checks it against the app's keyCredentials.
import { describe, expect, it } from 'vitest';
import { generateCertificate, runScenario } from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { parseWorld, scenarioFromWorld, worldFromScenario, type World } from './schema';
import { partiesSigningInAs, signInWithGeneratedKey } from './sign-with-key';

const YEAR = 365 * 86_400;

function base(id: string): World {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new Error(`No scenario ${id}`);
  return worldFromScenario(scenario);
}

/** The world with a fresh certificate for `appId`, registered on the app or not, used by its party. */
async function withGeneratedKey(world: World, appId: string, register: boolean) {
  const cert = await generateCertificate('Simulator app', world.startTime - 86_400, YEAR);
  const registered: World = {
    ...world,
    directory: {
      ...world.directory,
      applications: world.directory.applications.map((a) =>
        a.appId === appId && register
          ? {
              ...a,
              keyCredentials: [
                ...a.keyCredentials,
                {
                  keyId: '0b6f7a0e-1c1d-4c57-9f0e-3a6b1f2d4c11',
                  displayName: cert.subject,
                  type: 'AsymmetricX509Cert' as const,
                  usage: 'Verify' as const,
                  key: cert.certificateBase64,
                  startDateTime: cert.notBefore,
                  endDateTime: cert.notAfter,
                },
              ],
            }
          : a,
      ),
    },
  };
  const key = { pkcs8: cert.privateKeyPkcs8Pem, certificate: cert.certificateBase64 };
  return { world: signInWithGeneratedKey(registered, appId, key), key };
}

function roundTrip(world: World): World {
  const parsed = parseWorld(JSON.parse(JSON.stringify(world)));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.world;
}

async function run(world: World): Promise<SimulationRun> {
  return runScenario(scenarioFromWorld(roundTrip(world), SCENARIOS), { decisions: 'script' });
}

/** Every `authority.checks` event of a run at the token endpoint. */
function tokenChecks(result: SimulationRun) {
  return result.steps
    .flatMap((s) => s.events)
    .flatMap((e) => (e.type === 'authority.checks' ? [e] : []));
}

function daemonAppId(world: World): string {
  const daemon = world.parties.find((p) => p.kind === 'daemon');
  if (!daemon || !('appId' in daemon)) throw new Error('no daemon');
  return daemon.appId;
}

describe('a generated certificate as a private_key_jwt credential', () => {
  it('generateCertificate returns the PKCS#8 private key of the certificate', async () => {
    const cert = await generateCertificate('Key test', 1_772_409_600, YEAR);
    expect(cert.privateKeyPkcs8Pem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END PRIVATE KEY-----\n$/,
    );
  }, 30_000);

  it('a daemon signs in with a registered generated certificate: client-assertion-signature passes', async () => {
    const world = base('cc-secret');
    const appId = daemonAppId(world);
    const { world: edited, key } = await withGeneratedKey(world, appId, true);
    const daemon = roundTrip(edited).parties.find((p) => p.kind === 'daemon');
    expect(daemon && 'credential' in daemon ? daemon.credential : undefined).toEqual({
      type: 'private_key_jwt',
      key,
      alg: 'PS256',
    });
    const result = await run(edited);
    expect(result.result.ok).toBe(true);
    const checks = tokenChecks(result);
    expect(checks.some((c) => c.passed.includes('client-assertion-signature'))).toBe(true);
    expect(checks.every((c) => !c.failed)).toBe(true);
  }, 30_000);

  it('a middle tier performs OBO with a registered generated certificate', async () => {
    const world = base('obo-secret');
    const tier = world.parties.find((p) => p.kind === 'middle-tier-api');
    if (!tier || !('appId' in tier)) throw new Error('no middle tier');
    expect(partiesSigningInAs(world, tier.appId)).toEqual([tier.id]);
    const { world: edited } = await withGeneratedKey(world, tier.appId, true);
    const result = await run(edited);
    expect(result.result.ok).toBe(true);
    expect(tokenChecks(result).some((c) => c.passed.includes('client-assertion-signature'))).toBe(
      true,
    );
  }, 30_000);

  it('a generated certificate that is not on the app registration fails with AADSTS700027', async () => {
    const world = base('cc-secret');
    const { world: edited } = await withGeneratedKey(world, daemonAppId(world), false);
    const result = await run(edited);
    expect(result.result.ok).toBe(false);
    expect(result.result.summary).toContain('AADSTS700027');
    expect(tokenChecks(result).some((c) => c.failed?.code === 700027)).toBe(true);
  }, 30_000);

  it('a PEM that is not PKCS#8 is a field error of the world, not an exception', async () => {
    const world = base('cc-secret');
    const { world: edited } = await withGeneratedKey(world, daemonAppId(world), true);
    const index = edited.parties.findIndex((p) => p.kind === 'daemon');
    const broken = JSON.parse(JSON.stringify(edited)) as {
      parties: { credential: { key: { pkcs8: string } } }[];
    };
    const party = broken.parties[index];
    if (!party) throw new Error('no daemon');
    party.credential.key.pkcs8 =
      '-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n';
    const parsed = parseWorld(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues.map((i) => i.path)).toContain(`parties.${index}.credential.key.pkcs8`);
  }, 30_000);

  it('a well-formed PEM that jose cannot import: the client sends no credential (AADSTS7000218)', async () => {
    const world = base('cc-secret');
    const { world: edited } = await withGeneratedKey(world, daemonAppId(world), true);
    const garbled = signInWithGeneratedKey(edited, daemonAppId(world), {
      pkcs8: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
      certificate: 'MIIAAAA=',
    });
    const result = await run(garbled);
    expect(result.result.ok).toBe(false);
    expect(result.result.summary).toContain('AADSTS7000218');
    const events = result.steps.flatMap((s) => s.events);
    expect(events.some((e) => e.type === 'client.check' && !e.ok)).toBe(true);
  }, 30_000);
});
