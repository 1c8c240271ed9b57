// A client party: runs its program of token requests and API calls, keeping the tokens it receives.
import type { ClientParty } from '../../model/scenario';
import type { PartyEnv } from '../shared/env';
import { postTokenRequest } from '../shared/token-request';

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
  env: PartyEnv,
): Promise<ClientOutcome> {
  for (const action of party.program) {
    if (action.do === 'acquire-token') {
      const { response, body: json } = await postTokenRequest(env, {
        partyId: party.id,
        clientId: party.appId,
        credential: party.credential,
        endpoint: action.endpoint,
        before: action.endpoint === 'v2' ? { scope: action.scope } : { resource: action.resource },
        after: { grant_type: action.grant },
        tag: action.id,
      });

      if (response.status !== 200 || typeof json.access_token !== 'string') {
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
