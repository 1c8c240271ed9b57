// The SAML OBO scenario (issue 10 section 1): the documented response, a real signed assertion
// (verified here by xml-crypto, an independent library, against the certificate the authority
// publishes in its federation metadata), the authority's new checks and the service's rules.
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { inspectToken, runScenario } from '../engine/index';
import type {
  ApiParty,
  SamlServiceParty,
  ScenarioDefinition,
  SimulationRun,
} from '../engine/index';
import { expectStoppedAt } from '../engine/parties/authority/authority.test-helpers';
import { OBO_SAML, TIMESHEETS } from './obo-saml';

const SAML2_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** The scenario with its data edited (variants hold functions, so only data is copied). */
function edited(edit: (s: ScenarioDefinition) => void): ScenarioDefinition {
  const copy: ScenarioDefinition = {
    ...OBO_SAML,
    directory: structuredClone(OBO_SAML.directory),
    parties: structuredClone(OBO_SAML.parties),
  };
  edit(copy);
  return copy;
}

const middle = (s: ScenarioDefinition) => s.parties.find((p) => p.id === 'api-a') as ApiParty;
const service = (s: ScenarioDefinition) =>
  s.parties.find((p) => p.kind === 'saml-service') as SamlServiceParty;

function tokenResponse(run: SimulationRun): Record<string, unknown> {
  const step = run.steps.find(
    (s) => s.kind === 'response' && s.from === 'authority' && s.request.url.includes('/token'),
  );
  return JSON.parse(step?.response?.body ?? '{}') as Record<string, unknown>;
}

function assertionXml(run: SimulationRun): string {
  const token = String(tokenResponse(run).access_token ?? '');
  return Buffer.from(token, 'base64url').toString('utf8');
}

function serviceAnswer(run: SimulationRun) {
  return run.steps.find((s) => s.kind === 'response' && s.from === 'timesheets');
}

describe('obo-saml: the authority answers OBO with a SAML assertion', () => {
  it('sends requested_token_type=saml2 and scope=<entity ID>/.default', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const request = run.steps.find((s) => s.kind === 'request' && s.request.url.includes('/token'));
    const form = new URLSearchParams(request?.request.body ?? '');
    expect(form.get('requested_token_type')).toBe('urn:ietf:params:oauth:token-type:saml2');
    expect(form.get('scope')).toBe('https://timesheets.contoso.example/.default');
    expect(form.get('requested_token_use')).toBe('on_behalf_of');
  });

  it('answers with exactly the documented fields', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const body = tokenResponse(run);
    expect(Object.keys(body).sort()).toEqual(
      [
        'access_token',
        'expires_in',
        'expires_on',
        'ext_expires_in',
        'issued_token_type',
        'refresh_token',
        'resource',
        'scope',
        'token_type',
      ].sort(),
    );
    expect(body).toMatchObject({
      token_type: 'Bearer',
      resource: TIMESHEETS.entityId,
      issued_token_type: 'urn:ietf:params:oauth:token-type:saml2',
      scope: `${TIMESHEETS.entityId}/user_impersonation`,
    });
    expect(typeof body.expires_in).toBe('number');
    const issuedAt = Number(body.expires_on) - Number(body.expires_in);
    expect(issuedAt - OBO_SAML.startTime).toBeGreaterThanOrEqual(0);
    expect(issuedAt - OBO_SAML.startTime).toBeLessThan(10);
    expect(String(body.access_token)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('the assertion: NameID, Audience, Recipient = first non-wildcard reply URL, no InResponseTo', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const doc = new DOMParser().parseFromString(assertionXml(run), 'text/xml');
    const one = (name: string) => doc.getElementsByTagNameNS(SAML2_NS, name).item(0);
    expect(doc.documentElement?.localName).toBe('Assertion');
    expect(doc.documentElement?.getAttribute('Version')).toBe('2.0');
    expect(one('NameID')?.textContent).toBe('ada@contoso.onmicrosoft.com');
    expect(one('Audience')?.textContent).toBe(TIMESHEETS.entityId);
    const confirmation = one('SubjectConfirmationData');
    expect(confirmation?.getAttribute('Recipient')).toBe(TIMESHEETS.acs);
    expect(confirmation?.hasAttribute('InResponseTo')).toBe(false);
    expect(one('Issuer')?.textContent).toBe(`https://sts.windows.net/${OBO_SAML.tenantId}/`);
    // SAML 2.0 schema order: the signature comes right after Issuer.
    expect(one('Issuer')?.nextSibling?.localName).toBe('Signature');
  });

  it('xml-crypto verifies the assertion with the certificate of the federation metadata', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const metadataStep = run.steps.find(
      (s) => s.kind === 'response' && s.request.url.endsWith('/federationmetadata.xml'),
    );
    const metadata = new DOMParser().parseFromString(
      metadataStep?.response?.body ?? '',
      'text/xml',
    );
    const certificate = metadata
      .getElementsByTagNameNS(DSIG_NS, 'X509Certificate')
      .item(0)?.textContent;
    expect(certificate).toBeTruthy();
    const pem = `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`;
    const xml = assertionXml(run);
    const verifier = new SignedXml({ publicCert: pem });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature').item(0);
    if (!signature) throw new Error('No signature.');
    verifier.loadSignature(signature as unknown as Node);
    expect(verifier.checkSignature(xml)).toBe(true);
    expect(verifier.signatureAlgorithm).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(verifier.canonicalizationAlgorithm).toBe('http://www.w3.org/2001/10/xml-exc-c14n#');
    // One changed character of the signed content breaks it.
    const tampered = xml.replace('ada@contoso.onmicrosoft.com', 'eve@contoso.onmicrosoft.com');
    const again = new SignedXml({ publicCert: pem });
    again.loadSignature(signature as unknown as Node);
    let verified: boolean;
    try {
      verified = again.checkSignature(tampered);
    } catch {
      verified = false;
    }
    expect(verified).toBe(false);
  });

  it('is the same assertion for the same seed (IDs from the seeded random, times from the clock)', async () => {
    const a = await runScenario(OBO_SAML, { seed: 9 });
    const b = await runScenario(OBO_SAML, { seed: 9 });
    const c = await runScenario(OBO_SAML, { seed: 10 });
    expect(assertionXml(a)).toBe(assertionXml(b));
    expect(assertionXml(a)).not.toBe(assertionXml(c));
  });

  it('the service accepts it after fetching the federation metadata, and API A answers 200', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const answer = serviceAnswer(run);
    expect(answer?.response?.status).toBe(200);
    const checks = run.steps.flatMap((s) =>
      s.events.filter((e) => e.type === 'api.checks' && e.party === 'timesheets'),
    );
    expect(checks).toEqual([
      {
        type: 'api.checks',
        party: 'timesheets',
        passed: [
          'saml-present',
          'saml-version',
          'saml-signature',
          'saml-issuer',
          'saml-audience',
          'saml-lifetime',
          'saml-recipient',
        ],
      },
    ]);
    const downstream = run.steps.find((s) => s.kind === 'request' && s.to === 'timesheets');
    expect(downstream?.request.headers.Authorization).toMatch(/^SAML [A-Za-z0-9+/]+=*$/);
    expect(run.result.ok).toBe(true);
  });
});

describe('obo-saml: the inspector decodes the assertion', () => {
  it('one explained row per element, the pretty XML, the signature verified', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const token = String(tokenResponse(run).access_token);
    const inspection = run.tokens[token];
    expect(inspection).toMatchObject({
      kind: 'saml_assertion',
      signature: { status: 'valid' },
      saml: { version: '2.0' },
      summary: 'SAML 2.0 assertion for Timesheets (SAML): ada@contoso.onmicrosoft.com',
    });
    const row = (name: string) => inspection?.claims.find((c) => c.name === name);
    expect(row('Audience')).toMatchObject({
      value: TIMESHEETS.entityId,
      explanation: expect.stringContaining('/.default'),
    });
    expect(String(row('SubjectConfirmationData')?.value)).toContain(
      `Recipient="${TIMESHEETS.acs}"`,
    );
    expect(row('Signature')?.value).toContain('xml-exc-c14n');
    expect(inspection?.saml?.prettyXml.split('\n')[1]).toMatch(/^ {2}<Issuer>/);
    // The same assertion in the Authorization: SAML header is decoded too, with the same ID.
    const header = run.tokenSightings.find(
      (t) => t.place.in === 'header' && run.tokens[t.token]?.kind === 'saml_assertion',
    );
    expect(header && run.tokens[header.token]?.saml?.id).toBe(inspection?.saml?.id);
  });

  it('marks a missing Recipient in the wildcard-only what-if', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3, variants: ['saml-wildcard-reply-urls'] });
    const inspection = run.tokens[String(tokenResponse(run).access_token)];
    const data = inspection?.claims.find((c) => c.name.endsWith('SubjectConfirmationData'));
    expect(String(data?.value)).toContain('(no Recipient)');
  });
});

describe('obo-saml: "Decode a token" takes a pasted SAML assertion', () => {
  it('base64url as in access_token, or the Authorization: SAML header value', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const token = String(tokenResponse(run).access_token);
    const header = run.steps.find((s) => s.kind === 'request' && s.to === 'timesheets')?.request
      .headers.Authorization;
    for (const pasted of [token, `Authorization: ${String(header)}`]) {
      const decoded = await inspectToken(pasted);
      expect(decoded).toMatchObject({
        kind: 'saml_assertion',
        signature: { status: 'valid' },
        saml: { version: '2.0' },
      });
    }
  });

  it('one signed by another key cannot be verified offline; a changed one of ours is invalid', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3 });
    const xml = assertionXml(run);
    const foreign = xml.replace(/<ds:X509Certificate>[^<]+</, '<ds:X509Certificate>MIIB<');
    const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    expect(await inspectToken(encode(foreign))).toMatchObject({
      signature: { status: 'unknown-key' },
    });
    const changed = xml.replace('ada@', 'eve@');
    expect(await inspectToken(encode(changed))).toMatchObject({ signature: { status: 'invalid' } });
  });
});

describe('obo-saml: the authority checks', () => {
  it('requested-token-type: another value is a malformed request (AADSTS9002313)', async () => {
    const s = edited((d) => {
      const obo = middle(d).obo;
      if (obo) Object.assign(obo, { requestedTokenType: 'urn:ietf:params:oauth:token-type:jwt' });
    });
    const run = await runScenario(s, { seed: 3 });
    expectStoppedAt(run, 'requested-token-type', 9002313);
  });

  it('saml-scope-is-default: a SAML request for a named scope fails (AADSTS70011)', async () => {
    const s = edited((d) => {
      const obo = middle(d).obo;
      if (obo) obo.scope = `${TIMESHEETS.entityId}/user_impersonation`;
    });
    const run = await runScenario(s, { seed: 3 });
    expectStoppedAt(run, 'saml-scope-is-default', 70011);
  });

  it('spn:<entity ID>/.default addresses an entity ID without a URI scheme', async () => {
    const s = edited((d) => {
      const app = d.directory.applications.find((a) => a.appId === TIMESHEETS.appId);
      if (app) app.identifierUris = ['timesheets'];
      const obo = middle(d).obo;
      if (obo) obo.scope = 'spn:timesheets/.default';
      service(d).entityId = 'timesheets';
    });
    const run = await runScenario(s, { seed: 3 });
    expect(run.result.ok).toBe(true);
    const doc = new DOMParser().parseFromString(assertionXml(run), 'text/xml');
    expect(doc.getElementsByTagNameNS(SAML2_NS, 'Audience').item(0)?.textContent).toBe(
      'timesheets',
    );
    expect(tokenResponse(run).resource).toBe('timesheets');
  });
});

describe('obo-saml: what-ifs', () => {
  it('saml1: a signed SAML 1.1 assertion the SAML 2.0 service refuses', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3, variants: ['saml1-token-type'] });
    expect(tokenResponse(run).issued_token_type).toBe('urn:ietf:params:oauth:token-type:saml1');
    const doc = new DOMParser().parseFromString(assertionXml(run), 'text/xml');
    expect(doc.documentElement?.namespaceURI).toBe('urn:oasis:names:tc:SAML:1.0:assertion');
    expect(doc.documentElement?.getAttribute('MinorVersion')).toBe('1');
    // The SAML 2.0 service refuses it before fetching metadata: take the document from a base run.
    const base = await runScenario(OBO_SAML, { seed: 3 });
    const metadataStep = base.steps.find(
      (s) => s.kind === 'response' && s.request.url.endsWith('/federationmetadata.xml'),
    );
    const certificate = new DOMParser()
      .parseFromString(metadataStep?.response?.body ?? '', 'text/xml')
      .getElementsByTagNameNS(DSIG_NS, 'X509Certificate')
      .item(0)?.textContent;
    const verifier = new SignedXml({
      publicCert: `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`,
    });
    const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature').item(0);
    if (!signature) throw new Error('No signature.');
    verifier.loadSignature(signature as unknown as Node);
    expect(verifier.checkSignature(assertionXml(run))).toBe(true);
    const answer = serviceAnswer(run);
    expect(answer?.response?.status).toBe(401);
    expect(answer?.events).toContainEqual(
      expect.objectContaining({
        type: 'api.checks',
        failed: expect.objectContaining({ check: 'saml-version' }),
      }),
    );
    expect(run.result.ok).toBe(false);
  });

  it('no permission, and consent never given: AADSTS65001 at delegated-consent', async () => {
    for (const variant of ['saml-no-permission', 'saml-consent-never-given']) {
      const run = await runScenario(OBO_SAML, { seed: 3, variants: [variant] });
      expectStoppedAt(run, 'delegated-consent', 65001);
      expect(serviceAnswer(run)).toBeUndefined();
    }
  });

  it('wildcard-only reply URLs: no Recipient, and the service rejects the assertion', async () => {
    const run = await runScenario(OBO_SAML, { seed: 3, variants: ['saml-wildcard-reply-urls'] });
    const doc = new DOMParser().parseFromString(assertionXml(run), 'text/xml');
    const data = doc.getElementsByTagNameNS(SAML2_NS, 'SubjectConfirmationData').item(0);
    expect(data?.hasAttribute('Recipient')).toBe(false);
    const answer = serviceAnswer(run);
    expect(answer?.response?.status).toBe(401);
    expect(answer?.error?.why).toContain('no Recipient');
  });
});

describe('obo-saml: the two consent what-ifs say which prerequisite is missing', () => {
  it('no permission vs consent never given: same AADSTS65001, different narration', async () => {
    const titles: string[] = [];
    for (const variant of ['saml-no-permission', 'saml-consent-never-given']) {
      const run = await runScenario(OBO_SAML, { seed: 3, variants: [variant] });
      const refusal = run.steps.find((s) => s.kind === 'response' && s.error?.code === 65001);
      titles.push(refusal?.narration.title ?? '');
    }
    expect(titles[0]).toContain('No permission');
    expect(titles[1]).toContain('Consent never given');
  });
});
