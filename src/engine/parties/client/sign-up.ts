// A multi-tenant client's sign-up page: sends a customer's admin to admin consent, then works in their tenant.
import type { Network } from '../../core/network';
import type { EndpointResult } from '../../model/endpoint';
import type { ClientParty, ClientSignUp } from '../../model/scenario';
import { clientErrorCard, errorFromDescription } from '../../errors';
import { textPage as page } from '../../http/html';
import type { HttpRequest } from '../../http/message';
import { redirectResponse } from '../../http/redirect';
import { AUTHORITY_ORIGIN } from '../authority/keys';
import type { PartyEnv } from '../shared/env';
import type { ClientState } from './client';
import { runClientProgram } from './client';

/** What the sign-up page remembers: the `state` values it sent, and the tenants that onboarded. */
export interface SignUpState {
  states: Set<string>;
  tenants: string[];
}

/**
 * The admin consent URL the connect page sends the browser to: v2
 * `/{tenant}/v2.0/adminconsent?client_id&scope&redirect_uri&state`, v1
 * `/{tenant}/adminconsent?client_id&redirect_uri&state`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 */
export function adminConsentUrl(party: ClientParty, signUp: ClientSignUp, state: string): string {
  const path = signUp.endpoint === 'v2' ? 'v2.0/adminconsent' : 'adminconsent';
  const params = new URLSearchParams({ client_id: party.appId });
  if (signUp.endpoint === 'v2') params.set('scope', signUp.scope ?? '');
  params.set('redirect_uri', `${signUp.baseUrl}${signUp.redirectPath}`);
  params.set('state', state);
  return `${AUTHORITY_ORIGIN}/${signUp.tenant}/${path}?${params.toString()}`;
}

/**
 * Handles the client's web front:
 * - `GET /connect`: a fresh `state`, then a 302 to the admin consent endpoint;
 * - `GET {redirectPath}`: checks `state`; an `error` is shown (400, the AADSTS card when the
 *   description names one); `admin_consent=True&tenant=...` records the tenant and runs the
 *   client's program there (client credentials against that tenant's token endpoint), answering
 *   200 when it succeeded and 502 when it did not.
 * Anything else is 404. Never throws.
 */
export async function handleSignUpRequest(
  party: ClientParty,
  signUp: ClientSignUp,
  clientState: ClientState,
  signUpState: SignUpState,
  env: PartyEnv,
  request: HttpRequest,
): Promise<EndpointResult> {
  const url = new URL(request.url);
  if (request.method === 'GET' && url.pathname === '/connect') {
    const state = env.random.guid();
    signUpState.states.add(state);
    return { response: redirectResponse(adminConsentUrl(party, signUp, state)) };
  }
  if (request.method !== 'GET' || url.pathname !== signUp.redirectPath)
    return { response: page(404, 'Not found', url.pathname) };
  const params = url.searchParams;
  const state = params.get('state') ?? '';
  if (!signUpState.states.delete(state)) {
    return {
      response: page(400, 'Sign-up failed', 'The state does not match a sign-up this app started.'),
      error: clientErrorCard('state-mismatch'),
    };
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? '';
    return {
      response: page(400, 'Admin consent was not given', `${error}: ${description}`),
      ...errorFromDescription(description),
    };
  }
  const tenant = params.get('tenant') ?? '';
  if (params.get('admin_consent') !== 'True' || !tenant) {
    return {
      response: page(400, 'Sign-up failed', 'The response carries no admin_consent=True.'),
      events: [
        {
          type: 'client.check',
          party: party.id,
          ok: false,
          detail: 'The redirect carries neither admin_consent=True with a tenant nor an error.',
        },
      ],
    };
  }
  signUpState.tenants.push(tenant);
  env.network.emit({
    type: 'client.check',
    party: party.id,
    ok: true,
    detail: `state matches; admin_consent=True for tenant ${tenant}: the app records the tenant and now requests tokens from its token endpoint.`,
  });
  const outcome = await runClientProgram(party, clientState, { ...env, tenantId: tenant });
  return outcome.ok
    ? {
        response: page(
          200,
          'Connected',
          `${party.label} is connected to tenant ${tenant} and has read its data.`,
        ),
      }
    : {
        response: page(
          502,
          'Connected, but the first run failed',
          `${party.label} could not work in tenant ${tenant} (HTTP ${String(outcome.status ?? '')}).`,
        ),
      };
}

/**
 * Serves the sign-up page of every client in `clients` that has one, on its `signUp.baseUrl`,
 * sharing `clientState` (tokens and cache) with the client's own runs.
 */
export function registerSignUpPages(
  network: Network,
  clients: readonly ClientParty[],
  clientState: ClientState,
  env: PartyEnv,
): void {
  for (const client of clients) {
    const signUp = client.signUp;
    if (!signUp) continue;
    const signUpState: SignUpState = { states: new Set(), tenants: [] };
    network.register(signUp.baseUrl, client.id, (request) =>
      handleSignUpRequest(client, signUp, clientState, signUpState, env, request),
    );
  }
}
