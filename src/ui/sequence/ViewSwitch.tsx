// The Canvas / Sequence switch above the diagram: a tablist bound to the store's view.
import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { MainView } from '../../state/index';

const VIEWS: readonly { id: MainView; name: string }[] = [
  { id: 'canvas', name: 'Canvas' },
  { id: 'sequence', name: 'Sequence' },
];

/** The id of a view's tab (the diagram panel is labelled by the selected one). */
export function viewTabId(view: MainView): string {
  return `view-tab-${view}`;
}

/** Props of {@link ViewSwitch}. */
export interface ViewSwitchProps {
  view: MainView;
  onChange: (view: MainView) => void;
  /** The id of the panel the tabs control. */
  panelId: string;
}

/** Two tabs, "Canvas" and "Sequence"; Left/Right (and Home/End) move between them. */
export function ViewSwitch({ view, onChange, panelId }: ViewSwitchProps): ReactElement {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    // Two tabs: either arrow goes to the other one, Home to the first, End to the last.
    const { key } = event;
    const next =
      key === 'Home' ? 0 : key === 'End' ? 1 : /^Arrow(Left|Right)$/.test(key) ? 1 - index : -1;
    const target = VIEWS[next];
    if (!target) return;
    event.preventDefault();
    onChange(target.id);
    tabs.current[next]?.focus();
  };
  return (
    <div className="view-switch" role="tablist" aria-label="Diagram view">
      {VIEWS.map((item, index) => {
        const selected = item.id === view;
        return (
          <button
            key={item.id}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={viewTabId(item.id)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={`view-tab${selected ? ' is-selected' : ''}`}
            onClick={() => onChange(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {item.name}
          </button>
        );
      })}
    </div>
  );
}
