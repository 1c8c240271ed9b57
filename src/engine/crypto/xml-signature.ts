// XML Signature (XML-DSig) for SAML assertions: xmldsigjs on WebCrypto, @xmldom/xmldom as the DOM we build and read.
import * as xmldsig from 'xmldsigjs';
import { setNodeDependencies } from 'xml-core';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import xpath from 'xpath';
import { importPKCS8, importX509 } from 'jose';
import { base64ToPemCertificate, fixturePrivateKeyPem } from './index';
import type { FixtureKeyName } from './index';

/*
 * How the DOM is shared. xml-core (xmldsigjs' XML layer) builds and serialises its own elements
 * with the host's DOMParser/XMLSerializer when the host has them (browsers) and with the
 * dependencies registered through `setNodeDependencies` otherwise (Node). Registering xmldom here
 * touches no global. The engine itself builds, reads and serialises every document with xmldom
 * (the same code and bytes in Node and the browser) and hands xmldsigjs only strings: it parses
 * them with its own `Parse`, signs or verifies, and gives back the Signature element as a string,
 * which is parsed with xmldom again. Canonicalisation (exclusive C14N) and the RSA-SHA256
 * signature are computed by xmldsigjs in JavaScript and WebCrypto, identical on both hosts.
 */
setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation, xpath });
if (!xmldsigApplicationHasEngine()) xmldsig.Application.setEngine('WebCrypto', globalThis.crypto);

function xmldsigApplicationHasEngine(): boolean {
  try {
    return Boolean(xmldsig.Application.crypto);
  } catch {
    return false;
  }
}

/** Namespace of XML Signature elements (`ds:`), XML-DSig section 4. */
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** Exclusive XML Canonicalization 1.0 (the algorithm SAML signatures use). */
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** RSA-SHA256 signature method (RFC 6931 section 2.3.2). */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export type { XmlDocument, XmlElement };

/**
 * Parses XML with xmldom. Returns `undefined` (never throws) for text that is not well-formed XML
 * or has no root element.
 */
export function parseXml(text: string): XmlDocument | undefined {
  try {
    let failed = false;
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') failed = true;
      },
    }).parseFromString(text, 'text/xml');
    return failed || !doc.documentElement ? undefined : doc;
  } catch {
    return undefined;
  }
}

/** Serialises an xmldom node (no pretty-printing, so signed bytes stay as they are). */
export function serializeXml(node: XmlDocument | XmlElement): string {
  return new XMLSerializer().serializeToString(node);
}

/** A new, empty xmldom document whose root is `qualifiedName` in `namespace`. */
export function createXmlDocument(namespace: string, qualifiedName: string): XmlDocument {
  return new DOMImplementation().createDocument(namespace, qualifiedName, null);
}

/**
 * The Reference URI of an enveloped signature over the root: `#{id}`, or `""` (the whole
 * document, whose root is the signed element) when the ID attribute is not one xmldsigjs resolves
 * (`Id`, `ID`, `id`): SAML 1.1's `AssertionID`.
 */
function referenceUri(idAttribute: string, id: string): string {
  return ['Id', 'ID', 'id'].includes(idAttribute) ? `#${id}` : '';
}

const signingKeys = new Map<FixtureKeyName, ReturnType<typeof importPKCS8>>();

/**
 * Signs the root element of `xml` with a fixture key: an enveloped XML Signature (XML-DSig
 * section 6.6.4) with `Reference URI="#{id}"` (the root's `ID`, SAML core section 5.4.2; `URI=""`,
 * the whole document, for SAML 1.1's `AssertionID`, which xmldsigjs cannot resolve),
 * exclusive C14N (SignedInfo and the reference), SHA-256 digest, RSA-SHA256, and the signing
 * certificate in `KeyInfo/X509Data`. The Signature is inserted as the child of the root right
 * after the first child element named `afterLocalName` (a SAML 2.0 assertion: after `Issuer`),
 * or as the last child when there is none. Returns the signed XML. Deterministic: RSASSA-PKCS1-v1_5
 * signatures depend only on key and bytes. Rejects only if `xml` is not well-formed or has no ID.
 * @see https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf (section 5)
 * @see https://www.w3.org/TR/xmldsig-core1/
 */
export async function signXmlEnveloped(
  xml: string,
  key: FixtureKeyName,
  certificateBase64: string,
  idAttribute: string,
  afterLocalName?: string,
): Promise<string> {
  const mine = parseXml(xml);
  const root = mine?.documentElement;
  const id = root?.getAttribute(idAttribute);
  if (!mine || !root || !id) throw new Error('signXmlEnveloped: not an XML document with an ID.');
  let privateKey = signingKeys.get(key);
  if (!privateKey) {
    privateKey = importPKCS8(fixturePrivateKeyPem(key), 'RS256');
    signingKeys.set(key, privateKey);
  }
  const theirs = xmldsig.Parse(xml);
  const signed = new xmldsig.SignedXml(theirs);
  signed.XmlSignature.SignedInfo.CanonicalizationMethod.Algorithm = EXC_C14N;
  await signed.Sign({ name: 'RSASSA-PKCS1-v1_5' }, await privateKey, theirs, {
    references: [
      {
        uri: referenceUri(idAttribute, id),
        hash: 'SHA-256',
        transforms: ['enveloped', 'exc-c14n'],
      },
    ],
    x509: [certificateBase64],
  });
  const signatureXml = xmldsig.Stringify(
    signed.GetXml() as Parameters<typeof xmldsig.Stringify>[0],
  );
  const signature = parseXml(signatureXml)?.documentElement;
  if (!signature) throw new Error('signXmlEnveloped: xmldsigjs returned no Signature.');
  const imported = mine.importNode(signature, true);
  const children = Array.from(root.childNodes).filter((n) => n.nodeType === 1) as XmlElement[];
  const after = afterLocalName ? children.find((c) => c.localName === afterLocalName) : undefined;
  const next = after ? after.nextSibling : null;
  root.insertBefore(imported, next);
  return serializeXml(mine);
}

/** Why a signature did not verify; `ok` with the certificate that verified it. */
export type XmlSignatureVerification =
  | { ok: true }
  | {
      ok: false;
      reason: 'no-signature' | 'reference-mismatch' | 'algorithm' | 'invalid' | 'malformed';
      message: string;
    };

/**
 * Verifies the enveloped XML Signature of the root element of `xml` against a certificate
 * (standard base64 DER, as federation metadata publishes it), never against the certificate the
 * document carries itself. Requires exactly one `ds:Signature` child of the root, whose one
 * Reference points at the root's `idAttribute` (`#ID`: SAML core section 5.4.2, which stops
 * signature-wrapping), with RSA-SHA256. Never throws.
 */
export async function verifyXmlEnveloped(
  xml: string,
  certificateBase64: string,
  idAttribute: string,
): Promise<XmlSignatureVerification> {
  const mine = parseXml(xml);
  const root = mine?.documentElement;
  if (!mine || !root) return { ok: false, reason: 'malformed', message: 'Not well-formed XML.' };
  const signatures = Array.from(root.childNodes).filter(
    (n) => n.nodeType === 1 && (n as XmlElement).namespaceURI === XMLDSIG_NS,
  ) as XmlElement[];
  const signature = signatures.find((s) => s.localName === 'Signature');
  if (!signature)
    return { ok: false, reason: 'no-signature', message: 'The assertion carries no ds:Signature.' };
  const references = signature.getElementsByTagNameNS(XMLDSIG_NS, 'Reference');
  const uri = references.length === 1 ? references.item(0)?.getAttribute('URI') : undefined;
  if (uri !== referenceUri(idAttribute, root.getAttribute(idAttribute) ?? ''))
    return {
      ok: false,
      reason: 'reference-mismatch',
      message: `The signature's one Reference must point at the assertion's own ${idAttribute}.`,
    };
  const method = signature.getElementsByTagNameNS(XMLDSIG_NS, 'SignatureMethod').item(0);
  if (method?.getAttribute('Algorithm') !== RSA_SHA256)
    return { ok: false, reason: 'algorithm', message: 'The signature method is not RSA-SHA256.' };
  try {
    const publicKey = await importX509(base64ToPemCertificate(certificateBase64), 'RS256', {
      extractable: true,
    });
    const theirs = xmldsig.Parse(xml);
    const theirSignature = theirs.documentElement.getElementsByTagNameNS(
      XMLDSIG_NS,
      'Signature',
    )[0];
    if (!theirSignature)
      return { ok: false, reason: 'no-signature', message: 'The assertion carries no signature.' };
    const signed = new xmldsig.SignedXml(theirs);
    signed.LoadXml(theirSignature);
    const ok = await signed.Verify(publicKey);
    return ok
      ? { ok: true }
      : {
          ok: false,
          reason: 'invalid',
          message: 'The signature does not verify with the certificate in the federation metadata.',
        };
  } catch (error) {
    return {
      ok: false,
      reason: 'invalid',
      message: `The signature does not verify: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * The XML indented two spaces a level for reading (an element with only text stays on one line;
 * whitespace-only text is dropped). Display only: the signed bytes are the compact original.
 * `undefined` when `xml` is not well-formed.
 */
export function prettyXml(xml: string): string | undefined {
  const root = parseXml(xml)?.documentElement;
  if (!root) return undefined;
  const lines: string[] = [];
  const walk = (element: XmlElement, depth: number) => {
    const pad = '  '.repeat(depth);
    const attributes = Array.from(element.attributes)
      .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
      .join('');
    const children = Array.from(element.childNodes).filter(
      (n) => n.nodeType === 1 || (n.nodeType === 3 && (n.nodeValue ?? '').trim() !== ''),
    );
    if (children.length === 0) {
      lines.push(`${pad}<${element.tagName}${attributes}/>`);
    } else if (children.every((n) => n.nodeType === 3)) {
      const text = children.map((n) => n.nodeValue ?? '').join('');
      lines.push(`${pad}<${element.tagName}${attributes}>${escapeText(text)}</${element.tagName}>`);
    } else {
      lines.push(`${pad}<${element.tagName}${attributes}>`);
      for (const child of children) {
        if (child.nodeType === 1) walk(child as XmlElement, depth + 1);
        else lines.push(`${pad}  ${escapeText((child.nodeValue ?? '').trim())}`);
      }
      lines.push(`${pad}</${element.tagName}>`);
    }
  };
  walk(root, 0);
  return lines.join('\n');
}
