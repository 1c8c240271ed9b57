// The sequence view: the run as a sequence diagram drawn up to the current step, in step with the
// stepper, the timeline and the inspector (an arrow selects its step). Loaded on demand.
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { SimulationRun } from '../../engine/index';
import {
  SEQUENCE_FONT,
  SEQUENCE_FONT_FAMILY,
  layoutSequence,
  type SequenceArrow,
  type SequenceNote,
  type TextLine,
} from '../../state/export/sequence-layout';
import { describeSequence } from '../../state/export/sequence-svg';
import { selectInspectedIndex, useAppStore, type AppState } from '../../state/index';
import { scrollWithinPanel } from '../scroll';
import './sequence.css';

/** The diagram shrinks with a narrow panel down to this scale, then scrolls sideways. */
const MIN_SCALE = 0.8;

/** Scrolls `element` into view within the panel, clear of the sticky party names. */
function reveal(element: Element | null, panel: HTMLElement | null): void {
  if (!element || !panel) return;
  scrollWithinPanel(element);
  const heads = panel.querySelector('.sequence-heads')?.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  if (heads && box.top < heads.bottom) panel.scrollTop -= heads.bottom - box.top + 4;
}

const selectSequence = (s: AppState) => ({
  cursor: s.cursor,
  inspected: selectInspectedIndex(s),
  selectStep: s.selectStep,
});

function Lines({ lines, size }: { lines: readonly TextLine[]; size: number }): ReactElement {
  return (
    <>
      {lines.map((line, i) => (
        <text key={i} x={line.x} y={line.y} textAnchor={line.anchor} fontSize={size}>
          {line.text}
        </text>
      ))}
    </>
  );
}

function Note({ note, index }: { note: SequenceNote; index: number }): ReactElement {
  return (
    <g className={`seq-note note-${note.kind}`} data-note={index}>
      <title>{note.text.full}</title>
      <rect {...note.box} rx={4} />
      <Lines lines={note.text.lines} size={SEQUENCE_FONT.note} />
    </g>
  );
}

interface MessageProps {
  arrow: SequenceArrow;
  selected: boolean;
  current: boolean;
  onSelect: (index: number) => void;
}

function Message({ arrow, selected, current, onSelect }: MessageProps): ReactElement {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    // The key is the arrow's: Space must not also play or pause.
    event.preventDefault();
    onSelect(arrow.index);
  };
  return (
    <g
      className={`seq-message kind-${arrow.kind} outcome-${arrow.outcome}${selected ? ' is-selected' : ''}${current ? ' is-current' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={arrow.accessibleName}
      aria-pressed={selected}
      aria-current={current ? 'step' : undefined}
      data-step={arrow.number}
      onClick={() => onSelect(arrow.index)}
      onKeyDown={onKeyDown}
    >
      {arrow.label.truncated ? <title>{arrow.label.full}</title> : null}
      <rect className="seq-row" {...arrow.row} />
      <path className="seq-line" d={arrow.path} />
      <polygon className="seq-head" points={arrow.head} />
      <g className="seq-label">
        <Lines lines={arrow.label.lines} size={SEQUENCE_FONT.label} />
      </g>
      <circle className="seq-badge" cx={arrow.badge.cx} cy={arrow.badge.cy} r={arrow.badge.r} />
      <g className="seq-badge-text">
        <Lines lines={[arrow.badge.line]} size={SEQUENCE_FONT.badge} />
      </g>
      {arrow.chips.map((chip) => (
        <g key={chip.text} className="seq-chip">
          <rect {...chip.box} rx={chip.box.height / 2} />
          <Lines lines={[chip.line]} size={SEQUENCE_FONT.chip} />
        </g>
      ))}
    </g>
  );
}

/** Props of {@link SequenceView}. */
export interface SequenceViewProps {
  /** The run, or `null` while the first run computes. */
  run: SimulationRun | null;
}

/**
 * The run as a sequence diagram, steps 1..cursor. Clicking an arrow (or Enter/Space on it) shows
 * its step in the inspector; the inspected arrow is highlighted and kept in view inside the panel.
 */
export function SequenceView({ run }: SequenceViewProps): ReactElement {
  const { cursor, inspected, selectStep } = useAppStore(selectSequence);
  const layout = useMemo(() => (run ? layoutSequence(run, cursor) : null), [run, cursor]);
  const svg = useRef<SVGSVGElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Keep the inspected arrow (and a note right after it: an error, the prompt) in view.
  useEffect(() => {
    const root = svg.current;
    if (!root || !layout) return;
    const arrow = root.querySelector(`[data-step="${inspected + 1}"]`);
    reveal(arrow, panel.current);
    const last = layout.arrows.at(-1);
    const trailing = layout.notes.findLastIndex(
      (note) => last !== undefined && note.box.y > last.y,
    );
    if (inspected === layout.upTo && trailing >= 0)
      reveal(root.querySelector(`[data-note="${trailing}"]`), panel.current);
  }, [layout, inspected]);

  if (!run || !layout) {
    return <p className="diagram-loading muted">Waiting for the flow...</p>;
  }
  const onSelect = (index: number): void => selectStep(index === cursor ? null : index);
  const selected = layout.arrows.find((arrow) => arrow.index === inspected);
  const top = layout.lifelineTop;
  const width = `clamp(${Math.round(layout.width * MIN_SCALE)}px, 100%, ${layout.width}px)`;
  return (
    <div className="sequence-view" ref={panel}>
      {/* The party names stay at the top of the panel while the messages scroll under them. */}
      <svg
        className="sequence-heads"
        viewBox={`0 0 ${layout.width} ${top}`}
        width={layout.width}
        height={top}
        style={{ width }}
        fontFamily={SEQUENCE_FONT_FAMILY}
        aria-hidden="true"
      >
        {layout.lifelines.map((line) => (
          <g key={line.id} className={`seq-lifeline kind-${line.kind ?? 'unknown'}`}>
            <title>{line.name.full}</title>
            <rect {...line.header} rx={6} />
            <g className="seq-party-name">
              <Lines lines={line.name.lines} size={SEQUENCE_FONT.header} />
            </g>
          </g>
        ))}
      </svg>
      <svg
        ref={svg}
        className="sequence-svg"
        viewBox={`0 ${top} ${layout.width} ${layout.height - top}`}
        width={layout.width}
        height={layout.height - top}
        style={{ width }}
        fontFamily={SEQUENCE_FONT_FAMILY}
        role="group"
        aria-label={describeSequence(layout)}
      >
        {selected ? <rect className="seq-highlight" {...selected.row} /> : null}
        {layout.lifelines.map((line) => (
          <line
            key={line.id}
            className="seq-lifeline-line"
            x1={line.x}
            y1={top}
            x2={line.x}
            y2={layout.lifelineBottom}
          />
        ))}
        {layout.notes.map((note, i) => (
          <Note key={`${note.kind}-${note.step ?? 'end'}-${i}`} note={note} index={i} />
        ))}
        {layout.arrows.map((arrow) => (
          <Message
            key={arrow.index}
            arrow={arrow}
            selected={arrow.index === inspected}
            current={arrow.index === cursor}
            onSelect={onSelect}
          />
        ))}
      </svg>
    </div>
  );
}
