// The "What if..." switches of the current scenario; flipping one re-runs the flow from the start.
import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { selectVariantPanel, useAppStore } from '../../state/index';
import { selectWhatIfs } from '../../state/world/world-slice';
import { selectReplayMode } from '../../state/har/har-slice';

/** The left column (an overlay on narrow screens). */
export function WhatIfPanel(): ReactElement {
  const { scenarios, variants, busy, toggleVariant, whatIfOpen, setWhatIfOpen } =
    useAppStore(selectVariantPanel);
  // An edited world offers the what-ifs of its base scenario that fit it.
  const { whatIfs: options } = useAppStore(selectWhatIfs);
  const { replaying } = useAppStore(selectReplayMode);
  const panel = useRef<HTMLElement>(null);
  // Opened as an overlay on a narrow screen: focus moves into it, Esc closes it and returns focus.
  useEffect(() => {
    if (!whatIfOpen) return;
    panel.current?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
  }, [whatIfOpen]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || !whatIfOpen) return;
    event.stopPropagation();
    setWhatIfOpen(false);
    document.querySelector<HTMLElement>('.whatif-toggle')?.focus({ preventScroll: true });
  };
  return (
    <aside
      id="whatif-panel"
      ref={panel}
      className={`whatif${whatIfOpen ? ' is-open' : ''}`}
      aria-labelledby="whatif-title"
      onKeyDown={onKeyDown}
    >
      <div className="panel-head">
        <h2 id="whatif-title" className="panel-title">
          What if…
        </h2>
        <button
          type="button"
          className="whatif-close link-button"
          onClick={() => {
            setWhatIfOpen(false);
            document.querySelector<HTMLElement>('.whatif-toggle')?.focus({ preventScroll: true });
          }}
        >
          Close
        </button>
      </div>
      <p className="muted whatif-hint">
        Each switch changes a registration or a policy and re-runs the flow from the start.
      </p>
      {replaying ? (
        <p className="muted">
          A HAR replay shows what really travelled, so nothing can be switched: what-ifs belong to
          scenarios. Use &quot;Back to scenarios&quot; above the diagram to return.
        </p>
      ) : !scenarios ? (
        <p className="muted">Loading…</p>
      ) : options.length === 0 ? (
        <p className="muted">This scenario has no what-if switches.</p>
      ) : (
        <ul className="switches" aria-busy={busy}>
          {options.map((variant) => {
            const id = `variant-${variant.id}`;
            const on = variants.includes(variant.id);
            return (
              <li key={variant.id} className={on ? 'is-on' : undefined}>
                <input
                  id={id}
                  type="checkbox"
                  checked={on}
                  aria-describedby={`${id}-desc`}
                  onChange={() => void toggleVariant(variant.id)}
                />
                <div>
                  <label htmlFor={id} className="switch-label">
                    {variant.label}
                  </label>
                  <p id={`${id}-desc`} className="switch-desc">
                    {variant.description}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
