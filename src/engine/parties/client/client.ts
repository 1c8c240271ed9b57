// A client party: runs its program of token requests and API calls, keeping the tokens it receives.
import type { ClientParty } from '../../core/scenario';
import type { Network } from '../../core/network';
import type { SimClock } from '../../core/clock';
import type { SeededRandom } from '../../core/random';
import { encodeForm, parseJsonBody } from '../../http/message';
import { AUTHORITY_ORIGIN } from '../authority/keys';
import { buildClientAuth } from './credentials';

/** What a client program needs from the world. */
export interface ClientEnv {
  network: Network;
  clock: SimClock;
  random: SeededRandom;
  tenantId: string;
  partyUrls: ReadonlyMap<string, string>;
}

/** How a client program ended: `ok` when every action succeeded; otherwise the first failing action. */
export interface ClientOutcome {
  ok: boolean;
  failedAction?: string;
  status?: number;
}

/**
 * Runs `party.program` in order. `tokens` holds named tokens (starting facts in, new ones out).
 * Stops at the first non-2xx response, as a real client would.
 */
export async function runClientProgram(
  party: ClientParty,
  tokens: Map<string, string>,
  env: ClientEnv,
): Promise<ClientOutcome> {
  for (const action of party.program) {
    if (action.do === 'acquire-token') {
      const url =
        action.endpoint === 'v2'
          ? `${AUTHORITY_ORIGIN}/${env.tenantId}/oauth2/v2.0/token`
          : `${AUTHORITY_ORIGIN}/${env.tenantId}/oauth2/token`;
      const auth = await buildClientAuth(
        party.credential,
        party.appId,
        url,
        env.clock.now + 1,
        env.random,
        party.id,
      );
      for (const event of auth.events) env.network.emit(event);
      const body = encodeForm({
        ...(auth.sendClientId ? { client_id: party.appId } : {}),
        ...(action.endpoint === 'v2' ? { scope: action.scope } : { resource: action.resource }),
        ...auth.params,
        grant_type: action.grant,
      });
      const response = await env.network.send(
        party.id,
        {
          method: 'POST',
          url,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth.headers },
          body,
        },
        action.id,
      );
      const json = parseJsonBody(response) as Record<string, unknown> | undefined;
      if (response.status !== 200 || typeof json?.access_token !== 'string') {
        return { ok: false, failedAction: action.id, status: response.status };
      }
      tokens.set(action.saveAs, json.access_token);
    } else {
      const token = tokens.get(action.token);
      const base = env.partyUrls.get(action.target) ?? `https://${action.target}.invalid`;
      const response = await env.network.send(
        party.id,
        {
          method: action.method,
          url: `${base}${action.path}`,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            Accept: 'application/json',
          },
        },
        action.id,
      );
      if (response.status < 200 || response.status >= 300) {
        return { ok: false, failedAction: action.id, status: response.status };
      }
    }
  }
  return { ok: true };
}
