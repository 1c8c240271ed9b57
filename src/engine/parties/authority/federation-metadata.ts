// The tenant's federation metadata: where SAML relying parties find the certificate that signs assertions.
import { getFixtureKey } from '../../crypto';
import { createXmlDocument, serializeXml, XMLDSIG_NS } from '../../crypto/xml-signature';
import type { XmlElement } from '../../crypto/xml-signature';
import type { HttpResponse } from '../../http/message';
import { statusText } from '../../http/message';
import { AUTHORITY_ORIGIN, issuerV1 } from './keys';

/** SAML 2.0 metadata namespace (SAML metadata 2.0 section 2). */
export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';

/** The federation metadata path of a tenant, e.g. `/{tenant}/federationmetadata/2007-06/federationmetadata.xml`. */
export function federationMetadataUrl(tenantId: string): string {
  return `${AUTHORITY_ORIGIN}/${tenantId}/federationmetadata/2007-06/federationmetadata.xml`;
}

/**
 * The tenant's SAML 2.0 metadata document: an `EntityDescriptor` whose `entityID` is the SAML
 * issuer (`https://sts.windows.net/{tenant}/`) with an `IDPSSODescriptor` that publishes the
 * token-signing certificate in `KeyDescriptor use="signing"` (the same key that signs the JWTs)
 * and the SAML sign-on endpoint. The platform's real document is itself signed and also lists
 * WS-Federation roles; the simulator serves only what a SAML relying party reads.
 * @see https://learn.microsoft.com/entra/identity-platform/federation-metadata
 */
export async function federationMetadata(tenantId: string): Promise<HttpResponse> {
  const signing = await getFixtureKey('authority');
  const doc = createXmlDocument(SAML_METADATA_NS, 'EntityDescriptor');
  const root = doc.documentElement as XmlElement;
  root.setAttribute('ID', `_${tenantId}`);
  root.setAttribute('entityID', issuerV1(tenantId));
  const idp = doc.createElementNS(SAML_METADATA_NS, 'IDPSSODescriptor');
  idp.setAttribute('protocolSupportEnumeration', 'urn:oasis:names:tc:SAML:2.0:protocol');
  const key = doc.createElementNS(SAML_METADATA_NS, 'KeyDescriptor');
  key.setAttribute('use', 'signing');
  const keyInfo = doc.createElementNS(XMLDSIG_NS, 'KeyInfo');
  const x509Data = doc.createElementNS(XMLDSIG_NS, 'X509Data');
  const certificate = doc.createElementNS(XMLDSIG_NS, 'X509Certificate');
  certificate.appendChild(doc.createTextNode(signing.certificateBase64));
  x509Data.appendChild(certificate);
  keyInfo.appendChild(x509Data);
  key.appendChild(keyInfo);
  idp.appendChild(key);
  const sso = doc.createElementNS(SAML_METADATA_NS, 'SingleSignOnService');
  sso.setAttribute('Binding', 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
  sso.setAttribute('Location', `${AUTHORITY_ORIGIN}/${tenantId}/saml2`);
  idp.appendChild(sso);
  root.appendChild(idp);
  return {
    status: 200,
    statusText: statusText(200),
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'max-age=86400, private',
    },
    body: `<?xml version="1.0" encoding="utf-8"?>${serializeXml(doc)}`,
  };
}

/**
 * Reads the signing certificates (standard base64 DER) a metadata document publishes in
 * `KeyDescriptor` elements whose `use` is `signing` or absent. `[]` for anything else (never throws).
 */
export function signingCertificatesOf(metadata: XmlElement | undefined): string[] {
  if (!metadata) return [];
  const found: string[] = [];
  const descriptors = metadata.getElementsByTagNameNS(SAML_METADATA_NS, 'KeyDescriptor');
  for (let i = 0; i < descriptors.length; i++) {
    const descriptor = descriptors.item(i);
    const use = descriptor?.getAttribute('use');
    if (!descriptor || (use && use !== 'signing')) continue;
    const certificates = descriptor.getElementsByTagNameNS(XMLDSIG_NS, 'X509Certificate');
    for (let j = 0; j < certificates.length; j++) {
      const text = certificates.item(j)?.textContent?.replace(/\s+/g, '');
      if (text) found.push(text);
    }
  }
  return found;
}
