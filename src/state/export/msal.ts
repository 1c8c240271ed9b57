// Export of a token request as the equivalent MSAL call (MSAL Node, MSAL.NET, MSAL Python).
import type { SimStep, SimulationRun } from '../../engine/index';
import { describeMsalCall } from './msal-call';
import { dotnetCode, nodeCode, pythonCode } from './msal-code';

/** The languages {@link toMsalCode} writes. */
export type MsalLanguage = 'node' | 'dotnet' | 'python';

/**
 * The MSAL call equivalent to the token request of `step` (a request or response step), or
 * `null` when the step is not a token request MSAL makes (see `describeMsalCall`).
 *
 * - `node`: `new ConfidentialClientApplication({ auth })` then `acquireTokenByClientCredential`,
 *   `acquireTokenOnBehalfOf`, `acquireTokenByCode` or `acquireTokenByRefreshToken`.
 * - `dotnet`: `ConfidentialClientApplicationBuilder.Create(...).WithAuthority(...)
 *   .WithClientSecret/WithCertificate(...).Build()` then `AcquireTokenForClient`,
 *   `AcquireTokenOnBehalfOf(scopes, new UserAssertion(token))`, `AcquireTokenByAuthorizationCode`
 *   (`WithPkceCodeVerifier`) or `IByRefreshToken.AcquireTokenByRefreshToken`.
 * - `python`: `msal.ConfidentialClientApplication(client_id, authority=, client_credential=)` then
 *   `acquire_token_for_client`, `acquire_token_on_behalf_of`, `acquire_token_by_auth_code_flow`
 *   (PKCE: MSAL Python keeps the verifier in the flow) or `acquire_token_by_authorization_code`,
 *   `acquire_token_by_refresh_token`.
 *
 * Filled with the request's client id, authority (tenant) and scopes; credentials, codes and
 * tokens are never printed: secrets and key paths are read from environment variables
 * (`CLIENT_SECRET`, `CLIENT_CERT_*`), tokens and codes are parameters.
 * @see https://learn.microsoft.com/entra/msal/overview
 */
export function toMsalCode(
  run: SimulationRun,
  step: SimStep,
  language: MsalLanguage,
): string | null {
  const call = describeMsalCall(run, step);
  if (!call) return null;
  if (language === 'node') return nodeCode(call);
  return language === 'dotnet' ? dotnetCode(call) : pythonCode(call);
}
