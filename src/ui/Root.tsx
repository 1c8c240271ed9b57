// Picks the screen: the full app, or the compact player when the link asks for an embed.
import { lazy, StrictMode, Suspense, useEffect, useRef, type ReactElement } from 'react';
import { useAppStore, type AppState } from '../state/index';
import { App } from './App';
import { ErrorBoundary } from './shell/ErrorBoundary';

// The player loads on demand: only embed links need it.
const EmbedApp = lazy(() => import('./embed/EmbedApp').then((m) => ({ default: m.EmbedApp })));

// The audience window of Presenter mode (opened with `?audience`) loads on demand too.
const AudienceApp = lazy(() =>
  import('./presenter/AudienceApp').then((m) => ({ default: m.AudienceApp })),
);

/** Whether this window is a presenter's audience window (`?audience` in the URL). */
const isAudience = (): boolean =>
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('audience');

const selectScreen = (s: AppState) => ({ embedded: s.embed !== null, opening: s.opening });

function Opening(): ReactElement {
  return (
    <p className="opening-link" role="status">
      Opening the link…
    </p>
  );
}

/**
 * The full simulator, or the embedded player of an embed link. While a link is being decoded it
 * shows a short status instead, so neither the default scenario nor the wrong layout flashes.
 */
export function Root(): ReactElement {
  const { embedded, opening } = useAppStore(selectScreen);
  if (opening) return <Opening />;
  if (isAudience())
    return (
      <Suspense fallback={<Opening />}>
        <AudienceApp />
      </Suspense>
    );
  if (!embedded) return <App />;
  return (
    <Suspense fallback={<Opening />}>
      <EmbedApp />
    </Suspense>
  );
}

/** Calls `onMounted` once, after the tree's first commit (it draws nothing). */
function Mounted({ onMounted }: { onMounted: () => void }): null {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    onMounted();
  }, [onMounted]);
  return null;
}

/**
 * The page's whole React tree, as main.tsx renders (or hydrates) it and as the build prerenders
 * the first screen (src/prerender.tsx): both must be the same tree for hydration to match.
 * `onMounted` runs once the tree is on screen and live (hydrated); it adds no markup.
 */
export function appElement(onMounted?: () => void): ReactElement {
  return (
    <StrictMode>
      <ErrorBoundary>
        <Root />
      </ErrorBoundary>
      {/* Outside the boundary: it runs even when the screen crashed while hydrating. */}
      {onMounted ? <Mounted onMounted={onMounted} /> : null}
    </StrictMode>
  );
}
