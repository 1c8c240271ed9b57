// Whether the page's React tree is live: false while rendering the prerendered first screen (at
// build time) and while hydrating it, true from the first client render on.
import { useSyncExternalStore } from 'react';

const subscribe = (): (() => void) => () => undefined;
const onClient = (): boolean => true;
const onServer = (): boolean => false;

/**
 * `false` during server rendering and hydration (so the hydrated markup matches the prerendered
 * HTML), then `true`: React re-renders with the client value right after hydrating. A tree
 * rendered with `createRoot` sees `true` from its first render. Use it for what the prerendered
 * HTML cannot know (the person's remembered theme) and to keep controls disabled until their
 * handlers are attached.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, onClient, onServer);
}
