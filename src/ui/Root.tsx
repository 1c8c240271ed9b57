// Picks the screen: the full app, or the compact player when the link asks for an embed.
import { lazy, Suspense, type ReactElement } from 'react';
import { useAppStore, type AppState } from '../state/index';
import { App } from './App';

// The player loads on demand: only embed links need it.
const EmbedApp = lazy(() => import('./embed/EmbedApp').then((m) => ({ default: m.EmbedApp })));

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
  if (!embedded) return <App />;
  return (
    <Suspense fallback={<Opening />}>
      <EmbedApp />
    </Suspense>
  );
}
