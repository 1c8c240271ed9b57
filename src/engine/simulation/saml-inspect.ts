// Decodes a SAML assertion that travelled in a run: one explained row per element, the pretty XML, the signature checked.
import { fromBase64, getFixtureKey } from '../crypto';
import { parseXml, prettyXml, verifyXmlEnveloped, XMLDSIG_NS } from '../crypto/xml-signature';
import type { XmlElement } from '../crypto/xml-signature';
import type { Directory } from '../directory/model';
import type { ClaimView, TokenInspection } from '../model/trace';
import { SAML1_NS, SAML2_NS } from '../parties/authority/saml-assertion';
import { SAML_ATTRIBUTE_EXPLANATIONS, SAML_ELEMENT_EXPLANATIONS } from './saml-glossary';

/** The assertion XML inside base64url or base64 text, or `undefined` when it holds none. */
export function samlAssertionXml(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(text) || text.length < 40) return undefined;
  try {
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(
      fromBase64(text.replace(/-/g, '+').replace(/_/g, '/')),
    );
    const root = parseXml(xml)?.documentElement;
    const saml = root?.namespaceURI === SAML2_NS || root?.namespaceURI === SAML1_NS;
    return saml && root?.localName === 'Assertion' ? xml : undefined;
  } catch {
    return undefined;
  }
}

const elementsOf = (element: XmlElement): XmlElement[] =>
  Array.from(element.childNodes).filter((n): n is XmlElement => n.nodeType === 1);

/** One row per element, by local name in document order (the Signature as one row, each Attribute with its values). */
function rows(root: XmlElement): ClaimView[] {
  const out: ClaimView[] = [];
  const walk = (element: XmlElement) => {
    const name = element.localName ?? '';
    if (element.namespaceURI === XMLDSIG_NS) {
      const method = element.getElementsByTagNameNS(XMLDSIG_NS, 'SignatureMethod').item(0);
      const c14n = element.getElementsByTagNameNS(XMLDSIG_NS, 'CanonicalizationMethod').item(0);
      const reference = element.getElementsByTagNameNS(XMLDSIG_NS, 'Reference').item(0);
      out.push({
        name,
        value: `SignatureMethod ${method?.getAttribute('Algorithm') ?? '?'}; CanonicalizationMethod ${c14n?.getAttribute('Algorithm') ?? '?'}; Reference URI="${reference?.getAttribute('URI') ?? ''}"`,
        explanation: SAML_ELEMENT_EXPLANATIONS.Signature ?? '',
        isTime: false,
      });
      return;
    }
    if (name === 'Attribute') {
      const attributeName =
        element.getAttribute('Name') ??
        `${element.getAttribute('AttributeNamespace') ?? ''}/${element.getAttribute('AttributeName') ?? ''}`;
      out.push({
        name: `Attribute ${attributeName.slice(attributeName.lastIndexOf('/') + 1)}`,
        value: elementsOf(element).map((v) => (v.textContent ?? '').trim()),
        explanation: `${attributeName}: ${SAML_ATTRIBUTE_EXPLANATIONS[attributeName] ?? 'an attribute (claim) of the user.'}`,
        isTime: false,
      });
      return;
    }
    const children = elementsOf(element);
    const attributes = Array.from(element.attributes)
      .filter((a) => !a.name.startsWith('xmlns'))
      .map((a) => `${a.name}="${a.value}"`);
    const text = children.length === 0 ? (element.textContent ?? '').trim() : '';
    const missing =
      name === 'SubjectConfirmationData' && !element.hasAttribute('Recipient')
        ? ['(no Recipient)']
        : [];
    out.push({
      name,
      value: [text, ...attributes, ...missing].filter(Boolean).join('; '),
      explanation: SAML_ELEMENT_EXPLANATIONS[name] ?? '',
      isTime: false,
    });
    for (const child of children) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Decodes a SAML assertion carried as `text` (base64url in the OBO response, base64 in
 * `Authorization: SAML`): one explained row per element, the pretty-printed XML, and the
 * signature verified against the authority's signing certificate (the one its federation
 * metadata publishes). `undefined` when `text` holds no assertion. Never throws.
 */
export async function inspectSamlAssertion(
  text: string,
  directory: Pick<Directory, 'applications'>,
): Promise<TokenInspection | undefined> {
  const xml = samlAssertionXml(text);
  const root = xml ? parseXml(xml)?.documentElement : undefined;
  if (!xml || !root) return undefined;
  const v2 = root.namespaceURI === SAML2_NS;
  const idAttribute = v2 ? 'ID' : 'AssertionID';
  const { certificateBase64 } = await getFixtureKey('authority');
  const verified = await verifyXmlEnveloped(xml, certificateBase64, idAttribute);
  const audience = root.getElementsByTagNameNS(root.namespaceURI ?? '', 'Audience').item(0);
  const nameId = root
    .getElementsByTagNameNS(root.namespaceURI ?? '', v2 ? 'NameID' : 'NameIdentifier')
    .item(0);
  const target = (audience?.textContent ?? '').trim();
  const app = directory.applications.find((a) =>
    a.identifierUris.some((u) => u.toLowerCase() === target.toLowerCase()),
  );
  const notOnOrAfter = root
    .getElementsByTagNameNS(root.namespaceURI ?? '', 'Conditions')
    .item(0)
    ?.getAttribute('NotOnOrAfter');
  return {
    token: text,
    kind: 'saml_assertion',
    version: null,
    header: {},
    claims: rows(root),
    signature: verified.ok
      ? {
          status: 'valid',
          signer: "the authority's token-signing certificate",
          detail: `XML signature (RSA-SHA256, exclusive C14N) verified with the certificate the tenant's federation metadata publishes${notOnOrAfter ? `; valid until ${notOnOrAfter}` : ''}.`,
        }
      : { status: 'invalid', detail: verified.message },
    summary: `SAML ${v2 ? '2.0' : '1.1'} assertion for ${app?.displayName ?? (target || 'an unknown audience')}: ${(nameId?.textContent ?? 'a user').trim()}`,
    saml: {
      version: v2 ? '2.0' : '1.1',
      id: root.getAttribute(idAttribute) ?? '',
      prettyXml: prettyXml(xml) ?? xml,
    },
  };
}

/** The certificates (standard base64 DER) a signed XML document carries in `ds:X509Certificate`. */
export function embeddedCertificates(xml: string): string[] {
  const list = parseXml(xml)?.getElementsByTagNameNS(XMLDSIG_NS, 'X509Certificate');
  if (!list) return [];
  return Array.from({ length: list.length }, (_, i) =>
    (list.item(i)?.textContent ?? '').replace(/\s+/g, ''),
  ).filter(Boolean);
}
