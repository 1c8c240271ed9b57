// The authority party: routes requests to the token endpoints, discovery documents and JWKS.
import type { EndpointResult } from '../../model/endpoint';
import { findTenant } from '../../directory/directory';
import { jsonResponse, safeDecodeURIComponent } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import type { AuthorityEnv } from './checks/check';
import { openIdConfigurationV1, openIdConfigurationV2 } from './discovery';
import { publishedJwks } from './keys';
import { federationMetadata } from './federation-metadata';
import { handleTokenRequest } from './token-endpoint';
import { handleAuthorize, handleConsent, handleLogin, handleMfa } from './authorize';
import { handleAdminConsent } from './authorize/admin-consent';

/**
 * Handles one request to `https://login.microsoftonline.com`:
 * - `POST /{tenant}/oauth2/v2.0/token`, `POST /{tenant}/oauth2/token`
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration`, `GET /{tenant}/.well-known/openid-configuration`
 * - `GET /{tenant}/discovery/v2.0/keys`, `GET /{tenant}/discovery/keys`
 * - `GET /{tenant}/federationmetadata/2007-06/federationmetadata.xml` (SAML signing certificate)
 * - `GET /{tenant}/oauth2/v2.0/authorize`, `GET /{tenant}/oauth2/authorize`, and the pages behind
 *   them: `POST /{tenant}/login`, `/mfa`, `/consent`
 * - `GET /{tenant}/v2.0/adminconsent`, `GET /{tenant}/adminconsent` (admin consent, same pages)
 * Unknown paths get 404 JSON. Never throws.
 */
export async function handleAuthorityRequest(
  env: AuthorityEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const url = new URL(request.url);
  const segments = url.pathname.split('/').filter(Boolean);
  const [tenantSegment = '', ...rest] = segments;
  const path = rest.join('/');
  if (path === 'oauth2/v2.0/token') return handleTokenRequest(env, request, 'v2', tenantSegment);
  if (path === 'oauth2/token') return handleTokenRequest(env, request, 'v1', tenantSegment);
  if (path === 'oauth2/v2.0/authorize' && request.method === 'GET')
    return handleAuthorize(env, request, 'v2', tenantSegment);
  if (path === 'oauth2/authorize' && request.method === 'GET')
    return handleAuthorize(env, request, 'v1', tenantSegment);
  if (path === 'v2.0/adminconsent' && request.method === 'GET')
    return handleAdminConsent(env, request, 'v2', tenantSegment);
  if (path === 'adminconsent' && request.method === 'GET')
    return handleAdminConsent(env, request, 'v1', tenantSegment);
  if (request.method === 'POST' && path === 'login') return handleLogin(env, request);
  if (request.method === 'POST' && path === 'mfa') return handleMfa(env, request);
  if (request.method === 'POST' && path === 'consent') return handleConsent(env, request);

  const tenant = findTenant(env.directory, safeDecodeURIComponent(tenantSegment));
  const cors = { 'Access-Control-Allow-Origin': '*' };
  const maxAge = 'max-age=86400, private';
  const notFoundTenant = () =>
    jsonResponse(400, {
      error: 'invalid_tenant',
      error_description: `AADSTS90002: Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      error_codes: [90002],
    });
  if (path === 'v2.0/.well-known/openid-configuration') {
    return {
      response: tenant
        ? jsonResponse(200, openIdConfigurationV2(tenant.id), cors, maxAge)
        : notFoundTenant(),
      events: [],
    };
  }
  if (path === '.well-known/openid-configuration') {
    return {
      response: tenant
        ? jsonResponse(200, openIdConfigurationV1(tenant.id), cors, maxAge)
        : notFoundTenant(),
      events: [],
    };
  }
  if (path.toLowerCase() === 'federationmetadata/2007-06/federationmetadata.xml') {
    return {
      response: tenant ? await federationMetadata(tenant.id) : notFoundTenant(),
      events: [],
    };
  }
  if (path === 'discovery/v2.0/keys' || path === 'discovery/keys') {
    return { response: jsonResponse(200, await publishedJwks(), cors, maxAge), events: [] };
  }
  return {
    response: jsonResponse(404, {
      error: 'not_found',
      error_description: `No endpoint at ${url.pathname}.`,
    }),
    events: [],
  };
}
