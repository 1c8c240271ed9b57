// The clock beat as an inline panel at the end of the timeline: title, simulated time, fast-forward choices.
import { useId, type ReactElement } from 'react';
import type { PendingPrompt, UserDecision } from '../../engine/index';
import { formatClock } from '../../state/index';
import { firstName, PresetNote } from './PresetNote';
import './clock-panel.css';

/** Props of {@link ClockPanel}. */
export interface ClockPanelProps {
  prompt: Extract<PendingPrompt, { prompt: 'clock' }>;
  onAnswer: (decision: UserDecision) => void;
}

/** Lets simulated time pass by one of the scenario's choices (not modal: the controls stay usable). */
export function ClockPanel({ prompt, onAnswer }: ClockPanelProps): ReactElement {
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
        Simulated time now: <time dateTime={now.iso}>{now.time}</time>, {now.date}. The app keeps
        {name}&apos;s tokens in the session while time passes.
      </p>
      {prompt.preset && presetLabel ? (
        <PresetNote preset={prompt.preset} answer={presetLabel} />
      ) : null}
      <div className="clock-choices">
        {prompt.choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className={`clock-choice${preset?.seconds === choice.seconds ? ' is-preset' : ''}`}
            disabled={preset !== undefined && preset.seconds !== choice.seconds}
            onClick={() => onAnswer({ prompt: 'clock', seconds: choice.seconds })}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </section>
  );
}
