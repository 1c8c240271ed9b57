// The SAML assertion the authority issues through On-Behalf-Of (SAML 2.0 or 1.1), signed like its tokens.
import { formatIsoSeconds } from '../../core/clock';
import { getFixtureKey } from '../../crypto';
import { createXmlDocument, serializeXml, signXmlEnveloped } from '../../crypto/xml-signature';
import type { XmlDocument, XmlElement } from '../../crypto/xml-signature';
import type { AppRegistration, User } from '../../directory/model';
import type { AuthorityEnv } from './checks/check';
import { issuerV1 } from './keys';

/** `requested_token_type` values of the SAML extension of OBO. */
export const SAML2_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:saml2';
export const SAML1_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:saml1';
export type SamlTokenType = typeof SAML2_TOKEN_TYPE | typeof SAML1_TOKEN_TYPE;

/** SAML 2.0 assertion namespace (SAML core 2.0 section 2). */
export const SAML2_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
/** SAML 1.x assertion namespace (SAML 1.1 core section 2). */
export const SAML1_NS = 'urn:oasis:names:tc:SAML:1.0:assertion';

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const MS_CLAIMS = 'http://schemas.microsoft.com/identity/claims';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** What the assertion is about and for. Times are epoch seconds. */
export interface SamlAssertionSpec {
  tokenType: SamlTokenType;
  tenantId: string;
  user: User;
  /** The SAML application (its entity ID is `entityId`). */
  app: AppRegistration;
  /** The entity ID the request named (without `spn:`): the `Audience`. */
  entityId: string;
  /** The first non-wildcard reply URL of the SAML app, if any: the `Recipient`. */
  recipient: string | undefined;
  /** How the user signed in (`pwd`, `mfa`), from the incoming token's record. */
  amr: string[];
  /** Lifetime in seconds. */
  lifetimeSeconds: number;
}

/** A signed assertion: its XML, id and validity window (epoch seconds). */
export interface IssuedSamlAssertion {
  xml: string;
  id: string;
  issuedAt: number;
  expiresAt: number;
}

/** Appends `<ns:name>` (with attributes and text) to `parent`. */
function child(
  doc: XmlDocument,
  parent: XmlElement,
  ns: string,
  name: string,
  attributes: Record<string, string | undefined> = {},
  text?: string,
): XmlElement {
  const element = doc.createElementNS(ns, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(key, value);
  }
  if (text !== undefined) element.appendChild(doc.createTextNode(text));
  parent.appendChild(element);
  return element;
}

/** The attributes Entra ID sends by default for a user (the SAML app's default claims). */
function userAttributes(spec: SamlAssertionSpec): [string, string[]][] {
  const { user } = spec;
  const [given = '', ...rest] = user.displayName.split(' ');
  return [
    [`${MS_CLAIMS}/tenantid`, [spec.tenantId]],
    [`${MS_CLAIMS}/objectidentifier`, [user.id]],
    [`${MS_CLAIMS}/displayname`, [user.displayName]],
    [`${MS_CLAIMS}/identityprovider`, [issuerV1(spec.tenantId)]],
    [
      `${MS_CLAIMS}/authnmethodsreferences`,
      spec.amr.map((m) =>
        m === 'mfa'
          ? 'http://schemas.microsoft.com/claims/multipleauthn'
          : 'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password',
      ),
    ],
    [`${CLAIMS}/givenname`, [given]],
    [`${CLAIMS}/surname`, [rest.join(' ')]],
    [`${CLAIMS}/emailaddress`, [user.userPrincipalName]],
    [`${CLAIMS}/name`, [user.userPrincipalName]],
  ];
}

function saml2(spec: SamlAssertionSpec, id: string, iat: number, exp: number): string {
  const doc = createXmlDocument(SAML2_NS, 'Assertion');
  const root = doc.documentElement as XmlElement;
  root.setAttribute('ID', id);
  root.setAttribute('IssueInstant', formatIsoSeconds(iat));
  root.setAttribute('Version', '2.0');
  child(doc, root, SAML2_NS, 'Issuer', {}, issuerV1(spec.tenantId));
  const subject = child(doc, root, SAML2_NS, 'Subject');
  child(doc, subject, SAML2_NS, 'NameID', { Format: EMAIL_FORMAT }, spec.user.userPrincipalName);
  const confirmation = child(doc, subject, SAML2_NS, 'SubjectConfirmation', {
    Method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  });
  // No InResponseTo: there was no AuthnRequest (OBO doc, "The SubjectConfirmationData node").
  child(doc, confirmation, SAML2_NS, 'SubjectConfirmationData', {
    NotOnOrAfter: formatIsoSeconds(exp),
    Recipient: spec.recipient,
  });
  const conditions = child(doc, root, SAML2_NS, 'Conditions', {
    NotBefore: formatIsoSeconds(iat - 300),
    NotOnOrAfter: formatIsoSeconds(exp),
  });
  const restriction = child(doc, conditions, SAML2_NS, 'AudienceRestriction');
  child(doc, restriction, SAML2_NS, 'Audience', {}, spec.entityId);
  const statement = child(doc, root, SAML2_NS, 'AttributeStatement');
  for (const [name, values] of userAttributes(spec)) {
    const attribute = child(doc, statement, SAML2_NS, 'Attribute', { Name: name });
    for (const value of values) child(doc, attribute, SAML2_NS, 'AttributeValue', {}, value);
  }
  const authn = child(doc, root, SAML2_NS, 'AuthnStatement', {
    AuthnInstant: formatIsoSeconds(iat),
    SessionIndex: id,
  });
  const context = child(doc, authn, SAML2_NS, 'AuthnContext');
  child(
    doc,
    context,
    SAML2_NS,
    'AuthnContextClassRef',
    {},
    'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  );
  return serializeXml(doc);
}

function saml1(spec: SamlAssertionSpec, id: string, iat: number, exp: number): string {
  const doc = createXmlDocument(SAML1_NS, 'saml:Assertion');
  const root = doc.documentElement as XmlElement;
  root.setAttribute('MajorVersion', '1');
  root.setAttribute('MinorVersion', '1');
  root.setAttribute('AssertionID', id);
  root.setAttribute('Issuer', issuerV1(spec.tenantId));
  root.setAttribute('IssueInstant', formatIsoSeconds(iat));
  const conditions = child(doc, root, SAML1_NS, 'saml:Conditions', {
    NotBefore: formatIsoSeconds(iat - 300),
    NotOnOrAfter: formatIsoSeconds(exp),
  });
  const restriction = child(doc, conditions, SAML1_NS, 'saml:AudienceRestrictionCondition');
  child(doc, restriction, SAML1_NS, 'saml:Audience', {}, spec.entityId);
  const subject = (parent: XmlElement) => {
    const s = child(doc, parent, SAML1_NS, 'saml:Subject');
    child(
      doc,
      s,
      SAML1_NS,
      'saml:NameIdentifier',
      { Format: EMAIL_FORMAT },
      spec.user.userPrincipalName,
    );
    const confirmation = child(doc, s, SAML1_NS, 'saml:SubjectConfirmation');
    child(
      doc,
      confirmation,
      SAML1_NS,
      'saml:ConfirmationMethod',
      {},
      'urn:oasis:names:tc:SAML:1.0:cm:bearer',
    );
  };
  const statement = child(doc, root, SAML1_NS, 'saml:AttributeStatement');
  subject(statement);
  for (const [name, values] of userAttributes(spec)) {
    const slash = name.lastIndexOf('/');
    const attribute = child(doc, statement, SAML1_NS, 'saml:Attribute', {
      AttributeName: name.slice(slash + 1),
      AttributeNamespace: name.slice(0, slash),
    });
    for (const value of values) child(doc, attribute, SAML1_NS, 'saml:AttributeValue', {}, value);
  }
  const authn = child(doc, root, SAML1_NS, 'saml:AuthenticationStatement', {
    AuthenticationMethod: 'urn:oasis:names:tc:SAML:1.0:am:password',
    AuthenticationInstant: formatIsoSeconds(iat),
  });
  subject(authn);
  return serializeXml(doc);
}

/**
 * Builds and signs the assertion of a SAML OBO response with the authority's token-signing
 * certificate (enveloped XML-DSig, exclusive C14N, RSA-SHA256). SAML 2.0: `Issuer`
 * `https://sts.windows.net/{tenant}/`, `Subject/NameID` = the user's UPN (email format),
 * `SubjectConfirmationData` with `NotOnOrAfter` and `Recipient` = the SAML app's first non-wildcard
 * reply URL (left out when it has none) and never `InResponseTo`; `Conditions` with a 5-minute
 * `NotBefore` skew and `AudienceRestriction/Audience` = the entity ID; the user's attributes; an
 * `AuthnStatement`. SAML 1.1 (`saml1`) carries the same facts in the 1.1 schema (no Recipient
 * there). The ID comes from the seeded random, times from the simulated clock.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 * @see https://learn.microsoft.com/entra/identity-platform/reference-saml-tokens
 */
export async function mintSamlAssertion(
  env: AuthorityEnv,
  spec: SamlAssertionSpec,
): Promise<IssuedSamlAssertion> {
  const id = `_${env.random.guid()}`;
  const iat = env.clock.now;
  const exp = iat + spec.lifetimeSeconds;
  const signing = await getFixtureKey('authority');
  const unsigned =
    spec.tokenType === SAML2_TOKEN_TYPE ? saml2(spec, id, iat, exp) : saml1(spec, id, iat, exp);
  const xml = await signXmlEnveloped(
    unsigned,
    'authority',
    signing.certificateBase64,
    spec.tokenType === SAML2_TOKEN_TYPE ? 'ID' : 'AssertionID',
    spec.tokenType === SAML2_TOKEN_TYPE ? 'Issuer' : undefined,
  );
  return { xml, id, issuedAt: iat, expiresAt: exp };
}
