// Entry point: mounts the app into #root inside an error boundary and opens the linked (or first) state.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/theme.css';
import './ui/base.css';
import { appStore, browserHistory, startUrlSync } from './state/index';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/shell/ErrorBoundary';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// Opens the state the link names (or the default scenario) and keeps the URL in step.
startUrlSync(appStore, browserHistory());
