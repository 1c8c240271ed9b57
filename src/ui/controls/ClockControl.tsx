// The simulated clock in the controls bar: the current step's time (with the date once days pass)
// and, while a clock prompt waits, its fast-forward choices.
import type { ReactElement } from 'react';
import type { PendingPrompt, UserDecision } from '../../engine/index';
import { formatClock, formatDuration } from '../../state/index';

/** Props of {@link ClockControl}. */
export interface ClockControlProps {
  /** Simulated time of the current step (epoch seconds). */
  time: number;
  /** When the run started, to tell when the date changed and how much time has passed. */
  startTime: number;
  prompt: PendingPrompt | null;
  onAnswer: (decision: UserDecision) => void;
}

/** Shows the simulated time; offers "+5 min", "Past token expiry (+2 h)"... at a clock prompt. */
export function ClockControl({
  time,
  startTime,
  prompt,
  onAnswer,
}: ClockControlProps): ReactElement {
  const clock = formatClock(time);
  const start = formatClock(startTime);
  const elapsed = time - startTime;
  const showDate = clock.date !== start.date;
  return (
    <div
      className={`clock-control${prompt?.prompt === 'clock' ? ' is-prompting' : ''}`}
      role="group"
      aria-label="Simulated clock"
    >
      <span className="sim-time" title={`Simulated time ${clock.iso}`}>
        <span className="sim-time-label">Simulated time</span>{' '}
        <time dateTime={clock.iso}>
          {showDate ? `${clock.date} ` : ''}
          {clock.time}
        </time>
        {elapsed >= 3600 ? (
          <span className="sim-elapsed"> (+{formatDuration(elapsed)})</span>
        ) : null}
      </span>
      {prompt?.prompt === 'clock' ? (
        <span className="clock-forward">
          <span className="clock-forward-label">Fast-forward:</span>
          {prompt.choices.map((choice) => (
            <button
              key={choice.label}
              type="button"
              className="control clock-button"
              disabled={
                prompt.preset?.decision.prompt === 'clock' &&
                prompt.preset.decision.seconds !== choice.seconds
              }
              onClick={() => onAnswer({ prompt: 'clock', seconds: choice.seconds })}
            >
              {choice.label}
            </button>
          ))}
        </span>
      ) : null}
    </div>
  );
}
