// Entry point: mounts the app into #root inside an error boundary and loads the first scenario.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './state/index';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/shell/ErrorBoundary';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

void appStore.getState().loadScenario(appStore.getState().scenarioId);
