// The timeline: numbered list of revealed messages; a row selects its step for the inspector. A clock
// prompt waits at its end.
import { useEffect, useRef, type ReactElement } from 'react';
import { buildTimeline, selectTimeline, useAppStore } from '../../state/index';
import { ClockPanel } from '../dialogs/ClockPanel';
import { scrollWithinPanel } from '../scroll';
import './timeline.css';

/** Revealed messages, newest at the bottom (kept in view), with the run's result at the end. */
export function Timeline(): ReactElement {
  const { run, cursor, inspected, selectStep, prompt } = useAppStore(selectTimeline);
  const rows = run ? buildTimeline(run).slice(0, cursor + 1) : [];
  const hidden = run ? run.steps.length - rows.length : 0;
  const latest = useRef<HTMLLIElement>(null);
  const end = useRef<HTMLDivElement>(null);
  // Scrolling measures the layout: in the next frame, where the layout is computed anyway, not
  // in the effect (a forced synchronous layout on every step).
  useEffect(() => {
    const frame = requestAnimationFrame(() => scrollWithinPanel(latest.current));
    return () => cancelAnimationFrame(frame);
  }, [cursor]);
  useEffect(() => {
    if (!prompt) return;
    const frame = requestAnimationFrame(() => scrollWithinPanel(end.current));
    return () => cancelAnimationFrame(frame);
  }, [prompt]);
  const finished = run !== null && run.steps.length > 0 && cursor >= run.steps.length - 1;
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title" className="panel-title">
          Messages
        </h2>
        {run && hidden > 0 ? (
          <span className="muted">
            {hidden} more {run.pendingPrompt ? 'before the next prompt' : 'to come'}
          </span>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="timeline-empty muted">
          {run
            ? 'No messages yet. Press Next step (Right arrow) or Play.'
            : 'Waiting for the flow...'}
        </p>
      ) : (
        <ol className="timeline-list">
          {rows.map((row) => {
            const isCurrent = row.index === cursor;
            return (
              <li key={row.index} ref={isCurrent ? latest : undefined}>
                <button
                  type="button"
                  className={`timeline-row kind-${row.kind} outcome-${row.outcome}${row.index === inspected ? ' is-selected' : ''}${isCurrent ? ' is-current' : ''}`}
                  aria-pressed={row.index === inspected}
                  aria-current={isCurrent ? 'step' : undefined}
                  onClick={() => selectStep(isCurrent ? null : row.index)}
                >
                  <span className="tl-number">{row.number}.</span>{' '}
                  <span className="tl-parties">
                    {row.fromLabel} <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span> {row.toLabel}:
                  </span>{' '}
                  <span
                    className={`tl-label${row.status !== null ? ` status-${row.outcome}` : ''}`}
                    title={row.label}
                  >
                    {row.shortLabel}
                  </span>
                  {row.chips.map((chip) => (
                    <span key={chip} className="token-chip">
                      {' '}
                      {chip}
                    </span>
                  ))}
                  {row.decision ? <span className="decision-chip"> {row.decision}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div ref={end}>{prompt?.prompt === 'clock' ? <ClockPanel prompt={prompt} /> : null}</div>
      {/* The outcome itself is in the controls bar (always in view); here only "your turn". */}
      {finished && run?.pendingPrompt && prompt?.prompt !== 'clock' ? (
        <p className="run-result is-waiting">
          <strong>Your turn:</strong> {run.result.summary.replace(/^Waiting for you: /, '')}
        </p>
      ) : null}
    </section>
  );
}
