// Keeps the URL fragment and the store in step: the state as a link, history entries, back/forward.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../types';
import { selectReplaying } from '../har/har-slice';
import type * as CodecModule from './codec';
import type { DecodedLink } from './codec';
import type { LinkState } from './schema';
import { compactLinkWorld } from '../world/link-world';

/** The fields of the store a link is made of. */
export type LinkFields = Pick<
  AppState,
  | 'scenarioId'
  | 'variants'
  | 'decisions'
  | 'seed'
  | 'cursor'
  | 'tab'
  | 'view'
  | 'embed'
  | 'world'
  | 'catalogue'
>;

/** The store's fields a link is made of, picked one by one (for shallow-compared selectors). */
export function linkFieldsOf(state: LinkFields): LinkFields {
  return {
    scenarioId: state.scenarioId,
    variants: state.variants,
    decisions: state.decisions,
    seed: state.seed,
    cursor: state.cursor,
    tab: state.tab,
    view: state.view,
    embed: state.embed,
    world: state.world,
    catalogue: state.catalogue,
  };
}

/** The page's own URL without its fragment (the base every link starts from). */
export function pageBase(): string {
  const { origin, pathname, search } = window.location;
  return `${origin === 'null' ? '' : origin}${pathname}${search}`;
}

/**
 * The shareable state of the screen now (see {@link LinkState}). An edited world goes in
 * `world`, as the fields that differ from its base scenario (see `compactLinkWorld`).
 */
export function selectLinkState(state: LinkFields): LinkState {
  return {
    v: 1,
    scenario: state.scenarioId,
    ...(state.world ? { world: compactLinkWorld(state.world, state.catalogue) } : {}),
    variants: state.variants,
    decisions: state.decisions,
    seed: state.seed,
    step: state.cursor,
    tab: state.tab,
    view: state.view,
    ...(state.embed ? { embed: state.embed } : {}),
  };
}

/** The part of the browser's location and history the sync uses (a fake in tests). */
export interface HistoryPort {
  /** The current fragment, with its `#` (`''` when none). */
  readHash: () => string;
  /** Adds a history entry with this fragment (no `#`). */
  push: (fragment: string) => void;
  /** Replaces the current entry's fragment (no `#`). */
  replace: (fragment: string) => void;
  /** Calls back when the person goes back or forward; returns the unsubscribe function. */
  onPop: (listener: () => void) => () => void;
}

/** The browser's own history, without scrolling or reloading (`history.pushState`). */
export function browserHistory(): HistoryPort {
  const url = (fragment: string): string =>
    `${window.location.pathname}${window.location.search}#${fragment}`;
  return {
    readHash: () => window.location.hash,
    push: (fragment) => window.history.pushState(null, '', url(fragment)),
    replace: (fragment) => window.history.replaceState(null, '', url(fragment)),
    onPop: (listener) => {
      window.addEventListener('popstate', listener);
      return () => window.removeEventListener('popstate', listener);
    },
  };
}

/** Whether going from `a` to `b` is a new state the person made (a history entry of its own). */
function isNewEntry(a: LinkState, b: LinkState): boolean {
  return (
    a.scenario !== b.scenario ||
    a.seed !== b.seed ||
    // Opening or closing an edited world is an entry; edits to it replace the current one.
    (a.world === undefined) !== (b.world === undefined) ||
    JSON.stringify(a.variants) !== JSON.stringify(b.variants) ||
    JSON.stringify(a.decisions) !== JSON.stringify(b.decisions)
  );
}

type Codec = typeof CodecModule;

/** Whether a fragment looks like a simulator link (`#s1=...`, or another version). */
export function isLinkFragment(hash: string): boolean {
  return /^#?s\d+=/.test(hash);
}

/**
 * Opens the state the URL names (or the default scenario), then mirrors every settled change
 * into the fragment: a scenario, switch, answer or seed change adds a history entry; a step,
 * tab or view change replaces the current one. Back and forward restore the state of the entry.
 * The codec (zod, fflate, js-base64) loads on demand: before a link is decoded, or after the
 * first run, so the first screen does not wait for it. While a link is being opened the store's
 * `opening` is true. With `options.opened` the store already shows the page's own first state
 * (the prerendered first screen, state/first-screen.ts) and the URL has no link: it is not opened
 * again. Returns a function that stops the sync.
 */
export function startUrlSync(
  store: StoreApi<AppState>,
  history: HistoryPort,
  options: { opened?: boolean } = {},
): () => void {
  let written: LinkState | null = null;
  let writtenText = '';
  // While a state is being restored from the URL, its intermediate states are not written back.
  let restoring = 0;
  let codec: Codec | null = null;
  let stopped = false;
  const loadCodec = async (): Promise<Codec> => (codec ??= await import('./codec'));

  const write = (state: AppState): void => {
    // A HAR replay stays in the page: the URL keeps the scenario it left.
    if (stopped || restoring > 0 || state.status !== 'ready' || selectReplaying(state)) return;
    if (!codec) {
      void loadCodec().then(() => write(store.getState()));
      return;
    }
    const link = selectLinkState(state);
    const text = codec.encodeLinkState(link);
    if (text === writtenText) return;
    if (written && isNewEntry(written, link)) history.push(text);
    else history.replace(text);
    written = link;
    writtenText = text;
  };

  const restoreFromUrl = async (): Promise<void> => {
    const hash = history.readHash();
    restoring += 1;
    try {
      if (!isLinkFragment(hash)) {
        await store.getState().loadScenario(store.getState().scenarioId);
      } else {
        store.setState({ opening: true });
        const { decodeLinkFragment, encodeLinkState } = await loadCodec();
        const decoded: DecodedLink | null = decodeLinkFragment(hash);
        if (decoded) {
          const text = encodeLinkState(decoded.state);
          if (text !== writtenText) {
            written = decoded.state;
            writtenText = text;
            await store.getState().restoreState(decoded.state, decoded.problems);
          }
        }
      }
    } catch (error) {
      // The codec chunk could not load: open the default scenario and say why.
      store
        .getState()
        .notify(
          `The link could not be opened (${error instanceof Error ? error.message : 'the page failed to load a part'}); the default scenario opened instead.`,
        );
      await store.getState().loadScenario(store.getState().scenarioId);
    } finally {
      restoring -= 1;
      if (store.getState().opening) store.setState({ opening: false });
    }
    write(store.getState());
  };

  // Writing encodes the state (JSON, deflate) and touches the session history, a few milliseconds
  // a time. A new entry (scenario, switches, answers, seed) is written at once, so Back finds it;
  // a step, tab or view change only replaces the entry: once the page is idle after it, not
  // inside the click or key press (one write for a burst of changes).
  let scheduled = false;
  const writeLater = (state: AppState): void => {
    if (written && state.status === 'ready' && isNewEntry(written, selectLinkState(state))) {
      write(state);
      return;
    }
    if (scheduled) return;
    scheduled = true;
    const run = (): void => {
      scheduled = false;
      write(store.getState());
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
    else setTimeout(run, 0);
  };
  const unsubscribe = store.subscribe(writeLater);
  const stopPop = history.onPop(() => void restoreFromUrl());
  if (options.opened && !isLinkFragment(history.readHash())) {
    // The URL without a link stands for the page's own first state: a change the person makes
    // before the first write is still an entry of its own, and Back returns to that state.
    written = selectLinkState(store.getState());
    writeLater(store.getState());
  } else void restoreFromUrl();
  return () => {
    stopped = true;
    unsubscribe();
    stopPop();
  };
}
