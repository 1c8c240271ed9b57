// Step controls: reset, previous, play/pause, next, speed, "Step N of M" and the simulated clock.
import type { ChangeEvent, ReactElement } from 'react';
import { SPEEDS, selectPlayback, useAppStore, type Speed } from '../../state/index';
import { ClockControl } from './ClockControl';
import { Outcome } from './Outcome';
import { ControlIcon } from './icons';
import './controls.css';
import { useHydrated } from '../use-hydrated';

function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

/** The playback bar under the canvas. */
export function StepControls(): ReactElement {
  const {
    run,
    cursor,
    playing,
    speed,
    ready: runReady,
    answered,
    prompt,
    first,
    last,
    answerPrompt,
    stepForward,
    stepBack,
    togglePlay,
    reset,
    setSpeed,
  } = useAppStore(selectPlayback);
  // Until the prerendered first screen is hydrated, its buttons have no handlers: keep them off.
  // Play and Next are marked `data-early`: the page's inline head script turns them on as they are
  // parsed and keeps their presses, like any click on the screen, until the app has started
  // (ui/early-input.ts).
  const hydrated = useHydrated();
  const ready = hydrated && runReady;
  const early = !hydrated && runReady;
  const total = run?.steps.length ?? 0;
  const atStart = cursor <= first;
  // At a prompt a what-if answers, Next gives that answer (see the store's stepForward).
  const atEnd = cursor >= last && !prompt?.preset;
  const time = run ? (prompt?.prompt === 'clock' ? prompt.now : run.steps[cursor]?.time) : null;
  const onSpeed = (event: ChangeEvent<HTMLSelectElement>): void => {
    const value = Number(event.target.value);
    if (isSpeed(value)) setSpeed(value);
  };
  return (
    <div className="step-controls" role="group" aria-label="Playback">
      <div className="control-buttons">
        <button
          type="button"
          className="control"
          aria-label="Reset"
          aria-keyshortcuts="Home"
          title="Reset (Home)"
          onClick={reset}
          disabled={!ready || (atStart && !answered)}
        >
          <ControlIcon name="reset" />
          <span className="control-text">Reset</span>
        </button>
        <button
          type="button"
          className="control"
          aria-label="Previous step"
          aria-keyshortcuts="ArrowLeft"
          title="Previous step (Left arrow)"
          onClick={stepBack}
          disabled={!ready || atStart}
        >
          <ControlIcon name="previous" />
          <span className="control-text">Previous</span>
        </button>
        <button
          type="button"
          className="control control-primary"
          aria-label={playing ? 'Pause' : 'Play'}
          data-dialog-return
          aria-keyshortcuts="Space"
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          onClick={togglePlay}
          disabled={!ready || total === 0}
          data-early={early && total > 0 && !playing ? 'play' : undefined}
        >
          <ControlIcon name={playing ? 'pause' : 'play'} />
          <span className="control-text">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className="control"
          aria-label="Next step"
          data-dialog-return
          aria-keyshortcuts="ArrowRight"
          title="Next step (Right arrow)"
          onClick={stepForward}
          disabled={!ready || atEnd}
          data-early={early && !atEnd ? 'next' : undefined}
        >
          <span className="control-text">Next</span>
          <ControlIcon name="next" />
        </button>
      </div>
      <label className="speed">
        <span>Speed</span>
        <select value={speed} onChange={onSpeed}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      <div className="step-status">
        <span className="step-count">
          Step {Math.max(cursor + 1, 0)} of {last < total - 1 ? last + 1 : total}
        </span>
        {run?.pendingPrompt && last >= total - 1 ? (
          <span className="step-more" title="The total grows with each answer">
            so far, more after your answer
          </span>
        ) : null}
      </div>
      <Outcome />
      {run ? (
        <ClockControl
          time={time ?? run.startTime}
          startTime={run.startTime}
          prompt={prompt}
          onAnswer={(decision) => void answerPrompt(decision)}
        />
      ) : null}
    </div>
  );
}
