// Infers a HAR replay's parties from hosts, and who sent each message from who held its token.
import { getHeader, parseJsonBody } from '../../engine/wire';
import type { PartyId, PartyKind } from '../../engine/index';
import type { RecognisedMessage } from './recognise';
import {
  authorityOf,
  formOf,
  hostOf,
  isBrowserAgent,
  isGraphHost,
  jwtsIn,
  urlParams,
} from './hosts';

/** A party of a replay before the person renames it; `position` in canvas pixels. */
export interface ReplayParty {
  id: PartyId;
  kind: PartyKind;
  label: string;
  description: string;
  url?: string;
  position: { x: number; y: number };
}

/** Who sent a message to whom. */
export interface Route {
  from: PartyId;
  to: PartyId;
}

/** The id of the party that sent whatever no token says otherwise: the capturing side. */
export const CAPTURER = 'capturer';

/** Credentials a request presents: its bearer token, an OBO `assertion`, a refresh token. */
function presented(message: RecognisedMessage): string[] {
  const { request } = message.message;
  const form = formOf(request);
  const bearer = /^bearer\s+(\S+)/i.exec(getHeader(request.headers, 'authorization') ?? '');
  return [bearer?.[1], form.assertion, form.refresh_token].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

/** Tokens a response hands over: every JWT in it and a JSON `refresh_token`. */
function received(message: RecognisedMessage): string[] {
  const { response } = message.message;
  const body = parseJsonBody(response);
  const refresh =
    body && typeof body === 'object' ? (body as Record<string, unknown>).refresh_token : undefined;
  return [
    ...jwtsIn(response.body),
    ...jwtsIn(getHeader(response.headers, 'location') ?? ''),
    ...(typeof refresh === 'string' ? [refresh] : []),
  ];
}

/** The reply URL hosts named by authorize and code redemption requests: the apps. */
function appHosts(messages: readonly RecognisedMessage[]): Set<string> {
  const hosts = new Set<string>();
  for (const { message } of messages) {
    const redirect =
      urlParams(message.request.url).get('redirect_uri') ?? formOf(message.request).redirect_uri;
    if (redirect) hosts.add(hostOf(redirect));
  }
  hosts.delete('');
  return hosts;
}

/**
 * The parties of a replay and the route of each message (same order as `messages`). Hosts become
 * parties: the identity platform's hosts one authority each (see `authorityOf`), Microsoft Graph,
 * the reply URL's host as the app, every other host as an API. The sender of a request is whoever
 * last received the token it presents (the middle tier sends the OBO request whose assertion it
 * was given, and calls the downstream API with the token that came back); otherwise the capturing
 * side: the browser when the HAR's User-Agent is a browser's, else "Client".
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export function inferParties(messages: readonly RecognisedMessage[]): {
  parties: ReplayParty[];
  routes: Route[];
} {
  const browser = messages.some(({ message }) =>
    isBrowserAgent(getHeader(message.request.headers, 'user-agent')),
  );
  const apps = appHosts(messages);
  const parties = new Map<PartyId, ReplayParty>();
  const capturer: ReplayParty = {
    id: CAPTURER,
    kind: browser ? 'browser' : 'daemon',
    label: browser ? 'Browser' : 'Client',
    description:
      'Sent the requests the HAR recorded and no token says otherwise: the browser, or the program the capturing tool listened to.',
    position: { x: 0, y: 170 },
  };
  parties.set(CAPTURER, capturer);
  const partyOf = (url: string): PartyId => {
    const host = hostOf(url) || 'unknown-host';
    const authority = authorityOf(host);
    const id = authority ? authority.id : isGraphHost(host) ? 'graph' : `host:${host}`;
    if (!parties.has(id)) {
      parties.set(id, {
        id,
        kind: authority ? 'authority' : apps.has(host) ? 'web-app' : 'api',
        label:
          authority?.label ??
          (isGraphHost(host) ? 'Microsoft Graph' : apps.has(host) ? `App at ${host}` : host),
        description: authority
          ? `The identity platform's token service at ${host}.`
          : `Everything the HAR sent to ${host}. Rename it to the app or API it is.`,
        url: `https://${host}`,
        position: { x: 0, y: 0 },
      });
    }
    return id;
  };
  const holders = new Map<string, PartyId>();
  const routes = messages.map((message): Route => {
    const to = partyOf(message.message.request.url);
    const credentials = presented(message);
    const holder = credentials.map((c) => holders.get(c)).find((h) => h !== undefined && h !== to);
    const from = holder ?? CAPTURER;
    for (const credential of credentials) holders.set(credential, to);
    for (const token of received(message)) holders.set(token, from);
    if (
      message.kind === 'token' &&
      formOf(message.message.request).requested_token_use === 'on_behalf_of'
    ) {
      const sender = parties.get(from);
      if (sender && sender.kind === 'api') sender.kind = 'middle-tier-api';
    }
    return { from, to };
  });
  // Layout: apps and APIs in a row, the capturing side to their left and below them, the
  // authorities below: its straight edges to the row then pass under the nodes, not through them.
  const row = [...parties.values()].filter((p) => p.kind !== 'authority' && p.id !== CAPTURER);
  row.forEach((party, i) => (party.position = { x: 380 * (i + 1), y: 0 }));
  const authorities = [...parties.values()].filter((p) => p.kind === 'authority');
  const middle = (380 * row.length) / 2;
  authorities.forEach(
    (party, i) =>
      (party.position = { x: middle + 380 * (i - (authorities.length - 1) / 2), y: 340 }),
  );
  return { parties: [...parties.values()], routes };
}
