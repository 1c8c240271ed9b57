// The clock beat as an inline panel at the end of the timeline: title, simulated time, and where to choose.
import { useId, type ReactElement } from 'react';
import type { PendingPrompt } from '../../engine/index';
import { formatClock } from '../../state/index';
import { firstName, PresetNote } from './PresetNote';
import './clock-panel.css';

/** Props of {@link ClockPanel}. */
export interface ClockPanelProps {
  prompt: Extract<PendingPrompt, { prompt: 'clock' }>;
}

/**
 * Explains the clock beat the flow waits at (not modal: the controls stay usable). The choices
 * themselves appear once, in the controls bar's simulated clock (also in the embedded player).
 */
export function ClockPanel({ prompt }: ClockPanelProps): ReactElement {
  const id = useId();
  const now = formatClock(prompt.now);
  const preset = prompt.preset?.decision.prompt === 'clock' ? prompt.preset.decision : undefined;
  const name = firstName(prompt.userName);
  const presetLabel =
    preset &&
    (prompt.choices.find((c) => c.seconds === preset.seconds)?.label ?? `+${preset.seconds} s`);
  return (
    <section className="clock-panel" role="region" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="clock-panel-title">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {prompt.title}
      </h2>
      <p className="clock-panel-now">
        Simulated time now: <time dateTime={now.iso}>{now.time}</time>, {now.date}.{' '}
        {prompt.userName
          ? `The app keeps ${name}'s tokens in the session while time passes.`
          : 'No user here: the app keeps its own token in its token cache while time passes.'}
      </p>
      {prompt.preset && presetLabel ? (
        <PresetNote preset={prompt.preset} answer={presetLabel} />
      ) : null}
      <p className="clock-panel-hint">
        Choose how much time passes with the <strong>Fast-forward</strong> buttons of the simulated
        clock, in the controls bar above.
      </p>
    </section>
  );
}
