// Catches rendering errors and shows a clear message with a Reset button instead of a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { appStore, describeError } from '../../state/index';

interface State {
  error: unknown;
  hasError: boolean;
}

/** Wraps the app; Reset reloads the current scenario from a clean state. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, hasError: false };

  /** Records the error so the fallback renders. */
  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('OAuth Flow Simulator crashed', error, info.componentStack);
  }

  private readonly reset = (): void => {
    const { scenarioId } = appStore.getState();
    this.setState({ error: null, hasError: false });
    void appStore.getState().loadScenario(scenarioId);
  };

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>The simulator hit an unexpected error while drawing the flow:</p>
        <pre className="raw">{describeError(this.state.error)}</pre>
        <p>Reset reloads the current scenario from its first step.</p>
        <button type="button" className="control control-primary" onClick={this.reset}>
          Reset
        </button>
      </main>
    );
  }
}
