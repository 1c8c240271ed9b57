// Plain-language explanations of the elements and attributes of a SAML assertion, shown beside each in the inspector.

/**
 * One line per element (local name, SAML 2.0 and 1.1). Sources: SAML core 2.0 sections 2-5, the
 * SAML profiles' bearer confirmation (section 4.1.4.3), the platform's SAML token reference and
 * its OBO doc.
 * @see https://learn.microsoft.com/entra/identity-platform/reference-saml-tokens
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export const SAML_ELEMENT_EXPLANATIONS: Readonly<Record<string, string>> = {
  Assertion:
    'The assertion: ID (unique, referenced by the signature), IssueInstant (when it was issued, UTC) and Version. In OBO it stands alone, not inside a SAML Response.',
  Issuer:
    "Who issued it: the tenant's SAML issuer https://sts.windows.net/{tenant}/, the entityID of its federation metadata.",
  Signature:
    "The enveloped XML signature over the whole assertion: RSA-SHA256 with exclusive C14N, made with the tenant's token-signing key. Verify it with the certificate from the federation metadata, never with the one inside the assertion.",
  Subject: 'Who the assertion is about.',
  NameID:
    "The user's identifier as the SAML app's NameID setting says (by default the user principal name, in email format).",
  NameIdentifier: "The user's identifier (SAML 1.1), by default the user principal name.",
  SubjectConfirmation:
    'How the receiver may confirm the subject: bearer means whoever presents the assertion, within its limits.',
  ConfirmationMethod: 'bearer: whoever presents the assertion (SAML 1.1).',
  SubjectConfirmationData:
    "Limits of the bearer confirmation: Recipient is the SAML app's first non-wildcard reply URL (absent when it has only wildcard URLs) and NotOnOrAfter its expiry. No InResponseTo: an OBO assertion answers no AuthnRequest, so the service must accept it without one.",
  Conditions:
    'The validity window (NotBefore includes five minutes of clock skew; NotOnOrAfter is the expiry) and who may use it.',
  AudienceRestriction: 'The only services that may accept the assertion.',
  AudienceRestrictionCondition: 'The only services that may accept the assertion (SAML 1.1).',
  Audience:
    'The SAML entity ID the middle tier asked for with scope=<entity ID>/.default. A service rejects an assertion for another audience.',
  AttributeStatement: "The user's attributes (claims) the SAML app receives.",
  AuthnStatement: 'When and how the user authenticated (AuthnInstant, SessionIndex).',
  AuthenticationStatement: 'When and how the user authenticated (SAML 1.1).',
  AuthnContext: 'The authentication context.',
  AuthnContextClassRef: 'How the user authenticated, as a SAML authentication context class.',
};

/** One line per attribute name (the claim URIs Entra ID sends by default). */
export const SAML_ATTRIBUTE_EXPLANATIONS: Readonly<Record<string, string>> = {
  'http://schemas.microsoft.com/identity/claims/tenantid': 'The tenant id (tid).',
  'http://schemas.microsoft.com/identity/claims/objectidentifier':
    "The user's object id (oid): the stable key for the user in this tenant.",
  'http://schemas.microsoft.com/identity/claims/displayname':
    "The user's display name; for display only.",
  'http://schemas.microsoft.com/identity/claims/identityprovider':
    'The identity provider that authenticated the user.',
  'http://schemas.microsoft.com/identity/claims/authnmethodsreferences':
    'How the user authenticated (password, multiple factors), like amr in a JWT.',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': "The user's first name.",
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': "The user's last name.",
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': "The user's email address.",
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name':
    "The user's name claim: by default the user principal name.",
};
