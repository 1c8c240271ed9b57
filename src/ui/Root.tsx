// Picks the screen: the full app, or the compact player when the link asks for an embed.
import type { ReactElement } from 'react';
import { useAppStore, type AppState } from '../state/index';
import { App } from './App';
import { EmbedApp } from './embed/EmbedApp';

const selectIsEmbed = (s: AppState) => ({ embedded: s.embed !== null });

/** The full simulator, or the embedded player of an embed link. */
export function Root(): ReactElement {
  const { embedded } = useAppStore(selectIsEmbed);
  return embedded ? <EmbedApp /> : <App />;
}
