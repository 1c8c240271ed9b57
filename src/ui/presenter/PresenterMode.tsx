// Presenter mode (loaded on demand): the speaker notes panel with the next step's preview, the
// outcome and the audience window, and the presenter's keys (F full screen, B blank, ? help).
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { startPresenterBroadcast } from '../../state/link/presenter-sync';
import { appStore, useAppStore } from '../../state/index';
import { selectPresenter } from '../../state/presenter';
import { Inspector } from '../inspector/Inspector';
import { isTypingTarget, toggleFullscreen } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { selectReplayMode } from '../../state/har/har-slice';

/** The URL of the audience window: this page and state, with the `audience` flag. */
function audienceUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('audience', '1');
  return url.toString();
}

/** The outcome once the run has ended, in a status region that is always on screen. */
function Outcome({ outcome }: { outcome: { ok: boolean; summary: string } | null }): ReactElement {
  return (
    <p
      className={`presenter-outcome${outcome ? (outcome.ok ? ' is-ok' : ' is-error') : ''}`}
      role="status"
    >
      {outcome ? (
        <>
          <strong>{outcome.ok ? 'Flow succeeded:' : 'Flow failed:'}</strong> {outcome.summary}
        </>
      ) : null}
    </p>
  );
}

/**
 * The right-hand column in Presenter mode: the outcome, "Next: ...", the current step's narration
 * as speaker notes (or the inspector), and "Open audience view". Keeps the audience window in step.
 */
export function PresenterSide(): ReactElement {
  const { run, cursor, total, notes, next, outcome } = useAppStore(selectPresenter);
  const [pane, setPane] = useState<'notes' | 'inspector'>('notes');
  const { replaying } = useAppStore(selectReplayMode);
  const [audience, setAudience] = useState(false);
  const popup = useRef<Window | null>(null);

  useEffect(() => {
    const stop = startPresenterBroadcast(appStore, { onAudience: setAudience });
    let stopped = false;
    const end = (): void => {
      if (stopped) return;
      stopped = true;
      stop();
    };
    window.addEventListener('pagehide', end);
    return () => {
      window.removeEventListener('pagehide', end);
      end();
    };
  }, []);

  const openAudience = (): void => {
    if (popup.current && !popup.current.closed) {
      popup.current.focus();
      return;
    }
    popup.current = window.open(audienceUrl(), 'ofs-audience', 'popup,width=1280,height=720');
    if (!popup.current)
      appStore
        .getState()
        .notify(
          'The browser blocked the audience window: allow pop-ups for this page, then try again.',
        );
  };

  return (
    <section className="presenter-side" aria-label="Presenter">
      <Outcome outcome={outcome} />
      <p className="presenter-next">{next}</p>
      <div className="presenter-panes" role="group" aria-label="Presenter panel">
        <button type="button" aria-pressed={pane === 'notes'} onClick={() => setPane('notes')}>
          Speaker notes
        </button>
        <button
          type="button"
          aria-pressed={pane === 'inspector'}
          onClick={() => setPane('inspector')}
        >
          Inspector
        </button>
      </div>
      {pane === 'inspector' ? (
        <Inspector />
      ) : (
        <section className="presenter-notes" aria-label="Speaker notes">
          <p className="presenter-count">
            {cursor < 0
              ? `Before step 1 of ${String(total)}`
              : `Notes for step ${String(cursor + 1)} of ${String(total)}`}
          </p>
          <h2>{notes?.title ?? run?.title ?? 'Running the flow…'}</h2>
          {notes ? (
            <p>{notes.text}</p>
          ) : (
            <p className="muted">Press → to send the first message.</p>
          )}
        </section>
      )}
      <div className="presenter-audience">
        <button type="button" className="control" disabled={replaying} onClick={openAudience}>
          Open audience view
        </button>
        <span className="muted" role="status">
          {replaying
            ? 'The audience view mirrors scenarios; a HAR replay stays in this window.'
            : audience
              ? 'Audience view is open'
              : ''}
        </span>
      </div>
    </section>
  );
}

/**
 * The presenter's keys while Presenter mode is on: F full screen, B blank screen (any key or
 * click brings the screen back), ? the shortcuts dialog. Announces what they did.
 */
export function PresenterLayer(): ReactElement {
  const [blank, setBlank] = useState(false);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState('');
  const overlay = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key;
      if (key === '?') setHelp(true);
      else if (key === 'f' || key === 'F')
        void toggleFullscreen().then((problem) => setMessage(problem ?? ''));
      else if (key === 'b' || key === 'B') {
        setBlank(true);
        setMessage('Screen blanked. Press any key or click to bring it back.');
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // While blank, the next key only brings the screen back (it does not step the flow).
  useEffect(() => {
    if (!blank) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    overlay.current?.focus({ preventScroll: true });
    const onKeyDown = (event: KeyboardEvent): void => {
      event.preventDefault();
      event.stopPropagation();
      setBlank(false);
      setMessage('Screen back.');
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      before?.focus({ preventScroll: true });
    };
  }, [blank]);

  return (
    <>
      <div className="sr-only" role="status" aria-live="polite">
        {message}
      </div>
      {blank ? (
        <div
          ref={overlay}
          className="blank-screen"
          data-testid="blank-screen"
          tabIndex={-1}
          aria-label="Blank screen: press any key or click to bring the screen back"
          onClick={() => {
            setBlank(false);
            setMessage('Screen back.');
          }}
        />
      ) : null}
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </>
  );
}
