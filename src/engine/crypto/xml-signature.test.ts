// The XML-DSig layer on its own: signs as SAML needs, verifies only against the given certificate.
import { describe, expect, it } from 'vitest';
import { getFixtureKey } from './index';
import { parseXml, signXmlEnveloped, verifyXmlEnveloped } from './xml-signature';

const XML =
  '<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0"><Issuer>https://sts.windows.net/t/</Issuer><Subject><NameID>ada@contoso.example</NameID></Subject></Assertion>';

describe('signXmlEnveloped / verifyXmlEnveloped', () => {
  it('signs after Issuer and verifies with the signing certificate', async () => {
    const { certificateBase64 } = await getFixtureKey('authority');
    const signed = await signXmlEnveloped(XML, 'authority', certificateBase64, 'ID', 'Issuer');
    const root = parseXml(signed)?.documentElement;
    expect(root?.childNodes.item(1)?.localName).toBe('Signature');
    expect(signed).toContain('<ds:Reference URI="#_a1">');
    expect(signed).toContain('http://www.w3.org/2001/10/xml-exc-c14n#');
    expect(await verifyXmlEnveloped(signed, certificateBase64, 'ID')).toEqual({ ok: true });
  });

  it('refuses another certificate, a changed assertion, a foreign reference and no signature', async () => {
    const authority = await getFixtureKey('authority');
    const other = await getFixtureKey('daemon-app');
    const signed = await signXmlEnveloped(
      XML,
      'authority',
      authority.certificateBase64,
      'ID',
      'Issuer',
    );
    expect(await verifyXmlEnveloped(signed, other.certificateBase64, 'ID')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const changed = signed.replace('ada@contoso.example', 'eve@contoso.example');
    expect(await verifyXmlEnveloped(changed, authority.certificateBase64, 'ID')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const wrapped = signed.replace('ID="_a1"', 'ID="_evil"');
    expect(await verifyXmlEnveloped(wrapped, authority.certificateBase64, 'ID')).toMatchObject({
      ok: false,
      reason: 'reference-mismatch',
    });
    expect(await verifyXmlEnveloped(XML, authority.certificateBase64, 'ID')).toMatchObject({
      ok: false,
      reason: 'no-signature',
    });
    expect(await verifyXmlEnveloped('<not xml', authority.certificateBase64, 'ID')).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
