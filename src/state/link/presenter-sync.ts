// The presenter's window and its audience window kept in step over BroadcastChannel('ofs-presenter'):
// the presenter posts its link state on every change; the audience restores it.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../types';
import type * as MessagesModule from './presenter-messages';
import type { PresenterMessage } from './presenter-messages';
import type { LinkState } from './schema';
import { selectLinkState } from './url-sync';
import { selectReplaying } from '../har/har-slice';

/** The channel's name: every window of the app on this origin shares it. */
export const PRESENTER_CHANNEL = 'ofs-presenter';

/** The part of a `BroadcastChannel` the sync uses (a fake in tests). */
export interface ChannelPort {
  postMessage: (message: PresenterMessage) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
  close: () => void;
}

/** Opens the channel; `null` where the browser has no BroadcastChannel. */
export type OpenChannel = (name: string) => ChannelPort | null;

const openBroadcastChannel: OpenChannel = (name) =>
  typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;

type Messages = typeof MessagesModule;

/**
 * Listens on `channel` and hands every valid message to `handle`, in order. The zod schema loads
 * on demand; anything that is not a valid message (or arrives if the schema cannot load) is
 * ignored without an error.
 */
function listen(channel: ChannelPort, handle: (message: PresenterMessage) => void): void {
  const messages: Promise<Messages | null> = import('./presenter-messages').catch(() => null);
  channel.addEventListener('message', (event) => {
    void messages.then((module) => {
      const message = module?.readPresenterMessage(event.data);
      if (message) handle(message);
    });
  });
}

/** The presenter's state as the audience needs it (an embed's options never travel). */
function presenterLink(state: AppState): LinkState {
  return { ...selectLinkState(state), embed: undefined };
}

/** Options of {@link startPresenterBroadcast}. */
export interface PresenterBroadcastOptions {
  /** Called when an audience window says hello (`true`) or goodbye (`false`). */
  onAudience?: (open: boolean) => void;
  openChannel?: OpenChannel;
}

/**
 * The presenter's side: posts the link state on every settled change (and to each audience window
 * that says hello), and `bye` when stopped. Returns the function that stops it.
 */
export function startPresenterBroadcast(
  store: StoreApi<AppState>,
  { onAudience, openChannel = openBroadcastChannel }: PresenterBroadcastOptions = {},
): () => void {
  const channel = openChannel(PRESENTER_CHANNEL);
  if (!channel) return () => undefined;
  let sent = '';
  const post = (force: boolean): void => {
    const state = store.getState();
    // A HAR replay stays in this window: the audience keeps the last scenario state it showed.
    if (state.status !== 'ready' || !state.run || selectReplaying(state)) return;
    const link = presenterLink(state);
    const text = JSON.stringify(link);
    if (!force && text === sent) return;
    sent = text;
    channel.postMessage({ type: 'state', link });
  };
  listen(channel, (message) => {
    if (message.type === 'hello') {
      onAudience?.(true);
      post(true);
    } else if (message.type === 'bye' && message.from === 'audience') onAudience?.(false);
  });
  const unsubscribe = store.subscribe(() => post(false));
  post(false);
  return () => {
    unsubscribe();
    channel.postMessage({ type: 'bye', from: 'presenter' });
    channel.close();
  };
}

/** Whether `state` already shows the run `link` names (only the step, tab or view differ). */
function sameRun(state: AppState, link: LinkState): boolean {
  return (
    state.status === 'ready' &&
    state.run !== null &&
    state.scenarioId === link.scenario &&
    state.seed === link.seed &&
    JSON.stringify(state.variants) === JSON.stringify(link.variants) &&
    JSON.stringify(state.decisions) === JSON.stringify(link.decisions)
  );
}

/** Options of {@link startAudienceSync}. */
export interface AudienceSyncOptions {
  /** Called when the presenter's window closes or leaves Presenter mode. */
  onPresenterGone?: () => void;
  /** Called when a state from the presenter arrives. */
  onPresenter?: () => void;
  openChannel?: OpenChannel;
}

/**
 * The audience window's side: says hello, then shows every state the presenter posts (a step,
 * tab or view change moves the cursor; another scenario, switch or answer restores the state and
 * re-runs the flow). States are applied one at a time, the newest last. Says `bye` when stopped.
 */
export function startAudienceSync(
  store: StoreApi<AppState>,
  { onPresenterGone, onPresenter, openChannel = openBroadcastChannel }: AudienceSyncOptions = {},
): () => void {
  const channel = openChannel(PRESENTER_CHANNEL);
  if (!channel) return () => undefined;
  let stopped = false;
  let pending: LinkState | null = null;
  let applying = false;

  const applyOne = async (link: LinkState): Promise<void> => {
    const state = store.getState();
    if (!sameRun(state, link)) {
      await state.restoreState(link);
      return;
    }
    state.goToStep(link.step);
    if (state.view !== link.view || state.tab !== link.tab)
      store.setState({ view: link.view, tab: link.tab });
  };

  const apply = async (link: LinkState): Promise<void> => {
    pending = link;
    if (applying) return;
    applying = true;
    try {
      while (pending && !stopped) {
        const next: LinkState = pending;
        pending = null;
        await applyOne(next);
      }
    } finally {
      applying = false;
    }
  };

  listen(channel, (message) => {
    if (stopped) return;
    if (message.type === 'state') {
      onPresenter?.();
      void apply(message.link);
    } else if (message.type === 'bye' && message.from === 'presenter') onPresenterGone?.();
  });
  channel.postMessage({ type: 'hello' });
  return () => {
    stopped = true;
    channel.postMessage({ type: 'bye', from: 'audience' });
    channel.close();
  };
}
