// The authority's origin and the issuers of its tokens, as the platform's docs write them.

/** The authority's origin: the real host name, so tokens and URLs read as they do in production. */
export const AUTHORITY_ORIGIN = 'https://login.microsoftonline.com';

/** v2.0 token issuer of a tenant: `https://login.microsoftonline.com/{tid}/v2.0` (access-tokens doc). */
export function issuerV2(tenantId: string): string {
  return `${AUTHORITY_ORIGIN}/${tenantId}/v2.0`;
}

/** v1.0 token issuer of a tenant: `https://sts.windows.net/{tid}/` (trailing slash included). */
export function issuerV1(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** Both issuers a tenant's tokens may carry. */
export function issuersFor(tenantId: string): string[] {
  return [issuerV2(tenantId), issuerV1(tenantId)];
}
