// A SAML-protected web service: verifies an assertion against the authority's federation metadata, then its conditions.
import { fromBase64 } from '../../crypto';
import { parseXml, verifyXmlEnveloped } from '../../crypto/xml-signature';
import type { XmlDocument, XmlElement } from '../../crypto/xml-signature';
import type { EndpointResult } from '../../model/endpoint';
import type { SamlCheckName } from '../../model/checks';
import type { SamlServiceParty } from '../../model/scenario';
import type { TraceEvent } from '../../model/trace';
import { DOCS } from '../../errors/docs';
import type { DocRef } from '../../errors/docs';
import { getHeader, jsonResponse } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import {
  federationMetadataUrl,
  SAML_METADATA_NS,
  signingCertificatesOf,
} from '../authority/federation-metadata';
import { SAML1_NS, SAML2_NS } from '../authority/saml-assertion';
import type { PartyEnv } from '../shared/env';

/** What the service remembers: the federation metadata it fetched (issuer and certificates). */
export interface SamlServiceState {
  metadata?: { issuer: string; certificates: string[] };
}

/** What the checks read and fill in while one request is validated. */
interface SamlContext {
  party: SamlServiceParty;
  state: SamlServiceState;
  env: PartyEnv;
  request: HttpRequest;
  xml?: string;
  doc?: XmlDocument;
  root?: XmlElement;
}

/** A failed rule: 401 with the reason, or 500 when the metadata cannot be fetched. */
interface SamlFailure {
  status: 401 | 500;
  reason: string;
  fix: string;
}

/** One rule of the service, with its text and source (shown as "Rule: ..."). */
export interface SamlCheck {
  name: SamlCheckName;
  rule: string;
  source: DocRef;
  run(ctx: SamlContext): SamlFailure | undefined | Promise<SamlFailure | undefined>;
}

const fail = (reason: string, fix: string): SamlFailure => ({ status: 401, reason, fix });

/** Elements named `localName` in the assertion's namespace, in document order. */
function all(ctx: SamlContext, localName: string): XmlElement[] {
  const root = ctx.root;
  if (!root) return [];
  const list = root.getElementsByTagNameNS(root.namespaceURI ?? '', localName);
  return Array.from({ length: list.length }, (_, i) => list.item(i)).filter(
    (e): e is XmlElement => e !== null,
  );
}

const isSaml2 = (ctx: SamlContext) => ctx.root?.namespaceURI === SAML2_NS;

/** xs:dateTime to epoch seconds; `undefined` when absent or unreadable. */
function seconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** Fetches `/{tenant}/federationmetadata/2007-06/federationmetadata.xml` once over the network. */
async function metadataOf(ctx: SamlContext): Promise<SamlServiceState['metadata']> {
  if (ctx.state.metadata) return ctx.state.metadata;
  const response = await ctx.env.network.send(
    ctx.party.id,
    {
      method: 'GET',
      url: federationMetadataUrl(ctx.env.tenantId),
      headers: { Accept: 'application/xml' },
    },
    `${ctx.party.id}:metadata`,
  );
  const root = response.status === 200 ? parseXml(response.body ?? '')?.documentElement : undefined;
  if (!root || root.namespaceURI !== SAML_METADATA_NS) return undefined;
  const certificates = signingCertificatesOf(root);
  if (certificates.length === 0) return undefined;
  ctx.state.metadata = { issuer: root.getAttribute('entityID') ?? '', certificates };
  return ctx.state.metadata;
}

/**
 * The service's rules in the order it applies them. Each failure answers 401 with its reason;
 * the assertion is never trusted before its signature verified against the published certificate.
 */
export const SAML_CHECKS: readonly SamlCheck[] = [
  {
    name: 'saml-present',
    rule: 'The request carries a SAML assertion: Authorization: SAML <base64 of the assertion XML>.',
    source: DOCS.oboSaml,
    run: (ctx) => {
      const header = getHeader(ctx.request.headers, 'Authorization') ?? '';
      const match = /^SAML\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
      if (!match?.[1])
        return fail(
          'No SAML assertion in the Authorization header.',
          'Send the assertion as Authorization: SAML <base64>.',
        );
      try {
        ctx.xml = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(match[1]));
      } catch {
        return fail(
          'The Authorization header is not base64 of UTF-8 XML.',
          'Base64-encode the assertion XML.',
        );
      }
      ctx.doc = parseXml(ctx.xml);
      ctx.root = ctx.doc?.documentElement ?? undefined;
      if (ctx.root?.localName !== 'Assertion')
        return fail(
          'The header does not hold a SAML assertion.',
          'Send the assertion element itself.',
        );
      return undefined;
    },
  },
  {
    name: 'saml-version',
    rule: 'The assertion is in the SAML version the service understands (2.0: urn:oasis:names:tc:SAML:2.0:assertion, Version="2.0"; 1.1: urn:oasis:names:tc:SAML:1.0:assertion, MinorVersion="1").',
    source: DOCS.oboSaml,
    run: (ctx) => {
      const root = ctx.root;
      const v2 = root?.namespaceURI === SAML2_NS && root.getAttribute('Version') === '2.0';
      const v11 =
        root?.namespaceURI === SAML1_NS &&
        root.getAttribute('MajorVersion') === '1' &&
        root.getAttribute('MinorVersion') === '1';
      if ((ctx.party.samlVersion === '2.0' && v2) || (ctx.party.samlVersion === '1.1' && v11))
        return undefined;
      const got = v2 ? 'SAML 2.0' : v11 ? 'SAML 1.1' : 'an unknown SAML version';
      return fail(
        `${ctx.party.label} accepts SAML ${ctx.party.samlVersion} assertions only; this one is ${got}.`,
        `Request requested_token_type=urn:ietf:params:oauth:token-type:${ctx.party.samlVersion === '2.0' ? 'saml2' : 'saml1'}, as the service requires.`,
      );
    },
  },
  {
    name: 'saml-signature',
    rule: "The enveloped XML signature over the whole assertion (Reference to its own ID) verifies with a signing certificate from the authority's federation metadata, not with the certificate the assertion carries.",
    source: DOCS.federationMetadata,
    run: async (ctx) => {
      const metadata = await metadataOf(ctx);
      if (!metadata)
        return {
          status: 500,
          reason: 'The federation metadata could not be fetched or has no signing certificate.',
          fix: 'Check the federation metadata URL of the tenant.',
        };
      const id = isSaml2(ctx) ? 'ID' : 'AssertionID';
      let last = 'No certificate to try.';
      for (const certificate of metadata.certificates) {
        const result = await verifyXmlEnveloped(ctx.xml ?? '', certificate, id);
        if (result.ok) return undefined;
        last = result.message;
      }
      return fail(last, 'Only accept assertions signed by the tenant’s published signing key.');
    },
  },
  {
    name: 'saml-issuer',
    rule: 'The Issuer is the entityID of the federation metadata: https://sts.windows.net/{tenant}/.',
    source: DOCS.samlTokens,
    run: (ctx) => {
      const issuer = isSaml2(ctx)
        ? (all(ctx, 'Issuer')[0]?.textContent ?? '')
        : (ctx.root?.getAttribute('Issuer') ?? '');
      const expected = ctx.state.metadata?.issuer ?? '';
      return issuer.trim() === expected
        ? undefined
        : fail(
            `Issuer ${issuer} is not ${expected}.`,
            'Trust only the tenant the service is registered in.',
          );
    },
  },
  {
    name: 'saml-audience',
    rule: "The AudienceRestriction names the service's own entity ID: the scope <entity ID>/.default decides the Audience.",
    source: DOCS.oboSaml,
    run: (ctx) => {
      const audiences = all(ctx, 'Audience').map((a) => (a.textContent ?? '').trim());
      return audiences.includes(ctx.party.entityId)
        ? undefined
        : fail(
            `Audience ${audiences.join(', ') || '(none)'} is not ${ctx.party.entityId}.`,
            `The middle tier asks for scope=${ctx.party.entityId}/.default.`,
          );
    },
  },
  {
    name: 'saml-lifetime',
    rule: 'Now is within Conditions NotBefore and NotOnOrAfter, with the service’s clock-skew allowance.',
    source: DOCS.samlCore,
    run: (ctx) => {
      const conditions = all(ctx, 'Conditions')[0];
      const notBefore = seconds(conditions?.getAttribute('NotBefore'));
      const notOnOrAfter = seconds(conditions?.getAttribute('NotOnOrAfter'));
      const now = ctx.env.clock.now;
      const tolerance = ctx.party.clockToleranceSeconds;
      if (notBefore !== undefined && now + tolerance < notBefore)
        return fail('The assertion is not valid yet (NotBefore).', 'Check the clocks.');
      if (notOnOrAfter === undefined || now - tolerance >= notOnOrAfter)
        return fail(
          'The assertion has expired (NotOnOrAfter).',
          'Get a new assertion through OBO.',
        );
      return undefined;
    },
  },
  {
    name: 'saml-recipient',
    rule: "A SAML 2.0 bearer assertion's SubjectConfirmationData has a Recipient equal to the service's own URL and a NotOnOrAfter in the future; InResponseTo is not required (an OBO assertion answers no AuthnRequest). The authority takes the SAML app's first non-wildcard reply URL as Recipient.",
    source: DOCS.samlProfiles,
    run: (ctx) => {
      if (!isSaml2(ctx)) return undefined;
      const data = all(ctx, 'SubjectConfirmationData');
      const recipients = data.map((d) => d.getAttribute('Recipient')).filter(Boolean);
      if (recipients.length === 0)
        return fail(
          'The bearer SubjectConfirmationData has no Recipient.',
          'Register a reply URL without a wildcard on the SAML application, first in the list: the authority uses the first non-wildcard reply URL as Recipient.',
        );
      if (!recipients.includes(ctx.party.recipientUrl))
        return fail(
          `Recipient ${recipients.join(', ')} is not ${ctx.party.recipientUrl}.`,
          "Reorder the SAML application's reply URLs so the service's URL is the first without a wildcard.",
        );
      const until = seconds(data[0]?.getAttribute('NotOnOrAfter'));
      if (until !== undefined && ctx.env.clock.now - ctx.party.clockToleranceSeconds >= until)
        return fail('The SubjectConfirmationData has expired.', 'Get a new assertion.');
      return undefined;
    },
  },
];

/** The user the assertion speaks for, for the success body. */
function callerOf(ctx: SamlContext): Record<string, unknown> {
  const nameId = all(ctx, isSaml2(ctx) ? 'NameID' : 'NameIdentifier')[0]?.textContent ?? null;
  const attribute = (suffix: string) =>
    all(ctx, 'Attribute')
      .find((a) =>
        (a.getAttribute('Name') ?? a.getAttribute('AttributeName') ?? '').endsWith(suffix),
      )
      ?.textContent?.trim() ?? null;
  return { nameId, displayName: attribute('displayname'), objectId: attribute('objectidentifier') };
}

/**
 * Handles a request to a SAML-protected service: runs {@link SAML_CHECKS} in order, records them
 * as an `api.checks` event, and answers 200 with the service's data and the caller read from the
 * assertion, or 401 (`WWW-Authenticate: SAML`) with the failed rule's reason. Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export async function handleSamlServiceRequest(
  party: SamlServiceParty,
  state: SamlServiceState,
  env: PartyEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const ctx: SamlContext = { party, state, env, request };
  const passed: SamlCheckName[] = [];
  for (const check of SAML_CHECKS) {
    const failure = await check.run(ctx);
    if (!failure) {
      passed.push(check.name);
      continue;
    }
    const events: TraceEvent[] = [
      {
        type: 'api.checks',
        party: party.id,
        passed,
        failed: {
          check: check.name,
          reason: failure.reason,
          rule: check.rule,
          source: check.source,
        },
      },
      {
        type: 'token.validated',
        party: party.id,
        ok: false,
        reason: check.name,
        detail: failure.reason,
      },
    ];
    return {
      response: jsonResponse(
        failure.status,
        { error: 'invalid_saml_assertion', error_description: failure.reason },
        failure.status === 401 ? { 'WWW-Authenticate': `SAML realm="${party.entityId}"` } : {},
      ),
      events,
      error: {
        title: `${party.label} rejected the SAML assertion`,
        why: failure.reason,
        fix: failure.fix,
        docs: [check.source, DOCS.oboSaml],
      },
    };
  }
  env.network.emit({ type: 'api.checks', party: party.id, passed });
  env.network.emit({
    type: 'token.validated',
    party: party.id,
    ok: true,
    detail: `Signature verified with the certificate from the federation metadata; Issuer ${state.metadata?.issuer ?? ''}; Audience ${party.entityId}; Recipient ${isSaml2(ctx) ? party.recipientUrl : '(SAML 1.1 has none)'}.`,
  });
  return { response: jsonResponse(200, { ...party.data, caller: callerOf(ctx) }) };
}
