// Keeps the URL fragment and the store in step: the state as a link, history entries, back/forward.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../types';
import { decodeLinkFragment, encodeLinkState } from './codec';
import type { LinkState } from './schema';

/** The fields of the store a link is made of. */
export type LinkFields = Pick<
  AppState,
  'scenarioId' | 'variants' | 'decisions' | 'seed' | 'cursor' | 'tab' | 'view' | 'embed'
>;

/** The shareable state of the screen now (see {@link LinkState}). */
export function selectLinkState(state: LinkFields): LinkState {
  return {
    v: 1,
    scenario: state.scenarioId,
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
    JSON.stringify(a.variants) !== JSON.stringify(b.variants) ||
    JSON.stringify(a.decisions) !== JSON.stringify(b.decisions)
  );
}

/**
 * Opens the state the URL names (or the default scenario), then mirrors every settled change
 * into the fragment: a scenario, switch, answer or seed change adds a history entry; a step,
 * tab or view change replaces the current one. Back and forward restore the state of the entry.
 * Returns a function that stops the sync.
 */
export function startUrlSync(store: StoreApi<AppState>, history: HistoryPort): () => void {
  let written: LinkState | null = null;
  let writtenText = '';
  // While a state is being restored from the URL, its intermediate states are not written back.
  let restoring = 0;

  const write = (state: AppState): void => {
    if (restoring > 0 || state.status !== 'ready') return;
    const link = selectLinkState(state);
    const text = encodeLinkState(link);
    if (text === writtenText) return;
    if (written && isNewEntry(written, link)) history.push(text);
    else history.replace(text);
    written = link;
    writtenText = text;
  };

  const restoreFromUrl = async (): Promise<void> => {
    const decoded = decodeLinkFragment(history.readHash());
    restoring += 1;
    try {
      if (!decoded) {
        await store.getState().loadScenario(store.getState().scenarioId);
      } else {
        const text = encodeLinkState(decoded.state);
        if (text === writtenText) return;
        written = decoded.state;
        writtenText = text;
        await store.getState().restoreState(decoded.state, decoded.problems);
      }
    } finally {
      restoring -= 1;
    }
    write(store.getState());
  };

  const unsubscribe = store.subscribe(write);
  const stopPop = history.onPop(() => void restoreFromUrl());
  void restoreFromUrl();
  return () => {
    unsubscribe();
    stopPop();
  };
}
