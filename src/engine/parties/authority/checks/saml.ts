// The SAML extension of On-Behalf-Of: which token type is asked for, and the one scope it allows.
import { SAML1_TOKEN_TYPE, SAML2_TOKEN_TYPE } from '../saml-assertion';
import type { SamlTokenType } from '../saml-assertion';
import type { Check, TokenContext } from './check';
import { DOCS } from '../../../errors/docs';

/** The SAML token type the request asks for, or `undefined` for an ordinary (JWT) OBO request. */
export function requestedSamlType(ctx: TokenContext): SamlTokenType | undefined {
  const value = ctx.form.get('requested_token_type');
  return value === SAML2_TOKEN_TYPE || value === SAML1_TOKEN_TYPE ? value : undefined;
}

/**
 * `requested_token_type`, when sent, is `urn:ietf:params:oauth:token-type:saml2` or `...:saml1`
 * (the only values the OBO doc lists); anything else is a malformed request (AADSTS9002313).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export const requestedTokenType: Check = {
  name: 'requested-token-type',
  rule: 'requested_token_type, when present, is urn:ietf:params:oauth:token-type:saml2 or urn:ietf:params:oauth:token-type:saml1, depending on what the SAML service accepts.',
  source: DOCS.oboSaml,
  run: (ctx) => {
    const value = ctx.form.get('requested_token_type');
    if (value === undefined || requestedSamlType(ctx)) return undefined;
    return {
      code: 9002313,
      args: {
        detail: `requested_token_type must be ${SAML2_TOKEN_TYPE} or ${SAML1_TOKEN_TYPE}, not '${value}'.`,
      },
    };
  },
};

/**
 * A SAML request names the SAML application by its entity ID with `/.default` (or
 * `spn:<entity ID>/.default`): SAML has no scopes, the value only picks the application and so the
 * assertion's `Audience`. Anything else is AADSTS70011.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export const samlScopeIsDefault: Check = {
  name: 'saml-scope-is-default',
  rule: 'For a SAML assertion the scope is always the SAML entity ID with /.default appended (spn:<entity ID>/.default when the entity ID has no URI scheme).',
  source: DOCS.oboSaml,
  run: (ctx) => {
    const resource = ctx.resource;
    if (!requestedSamlType(ctx) || !resource || ctx.endpoint === 'v1') return undefined;
    if (resource.permissions.length === 1 && resource.permissions[0] === '.default')
      return undefined;
    return { code: 70011, args: { scope: ctx.form.get('scope') ?? '' } };
  },
};
