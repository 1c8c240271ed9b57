// The header's "Presenter mode" switch; it also marks <html> so the type scale grows with it.
import { useLayoutEffect, type ReactElement } from 'react';
import { useAppStore, type AppState } from '../../state/index';
import './presenter.css';

const selectPresenterSwitch = (s: AppState) => ({
  presenter: s.presenter && s.embed === null,
  setPresenter: s.setPresenter,
});

/** Whether Presenter mode is on (never in an embed). */
export function usePresenterMode(): boolean {
  return useAppStore(selectPresenterSwitch).presenter;
}

/**
 * A toggle button named "Presenter mode" (`aria-pressed`). While it is on, `<html>` carries
 * `data-presenter`, so the rem-based type scale (`--font-size-root`) grows for a projector.
 */
export function PresenterToggle(): ReactElement {
  const { presenter, setPresenter } = useAppStore(selectPresenterSwitch);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (presenter) root.dataset.presenter = 'true';
    else delete root.dataset.presenter;
    return () => {
      delete root.dataset.presenter;
    };
  }, [presenter]);
  return (
    <button
      type="button"
      className="header-button presenter-toggle"
      aria-pressed={presenter}
      title="Presenter mode: large type for a projector, speaker notes and an audience window"
      onClick={() => setPresenter(!presenter)}
    >
      Presenter mode
    </button>
  );
}
