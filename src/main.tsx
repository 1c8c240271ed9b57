// Entry point: mounts the app into #root inside an error boundary and opens the linked (or first) state.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/theme.css';
import './ui/theme-dark.css';
import './ui/theme-contrast.css';
import './ui/base.css';
import { appStore, browserHistory, startUrlSync } from './state/index';
import { Root } from './ui/Root';
import { ErrorBoundary } from './ui/shell/ErrorBoundary';
import { applyThemeChoice, readThemeChoice } from './ui/shell/theme-choice';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The remembered theme before anything is drawn, so a dark screen never flashes light first.
applyThemeChoice(readThemeChoice());

// Opens the state the link names (or the default scenario) and keeps the URL in step. It runs
// first so that an embed link is known (and its player drawn) from the first render.
startUrlSync(appStore, browserHistory());

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);
