// The "Export" menu: the run so far as Mermaid, HAR, or a printable page of every step.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore, type AppState } from '../../state/index';
import type { SimulationRun } from '../../engine/index';
import { readSequenceColours } from '../sequence/colours';
import { downloadText, exportFileName } from './download';
import { ExportDialog, type ExportKind } from './ExportDialog';
import { svgToPng } from './picture';
import { PrintView } from './PrintView';
import { loadExports } from './use-exports';
import './export.css';

const selectExport = (s: AppState) => ({
  run: s.run,
  cursor: s.cursor,
  ready: s.status === 'ready',
});

interface MenuItem {
  label: string;
  open: ExportKind | 'print' | 'svg' | 'png';
}

const ITEMS: MenuItem[] = [
  { label: 'Mermaid sequence diagram', open: 'mermaid' },
  { label: 'HAR file', open: 'har' },
  { label: 'Sequence diagram (SVG)', open: 'svg' },
  { label: 'Sequence diagram (PNG)', open: 'png' },
  { label: 'Print all steps', open: 'print' },
];

/**
 * A menu button named "Export" (`aria-haspopup="menu"`) whose items (role `menuitem`) export
 * the steps revealed so far. Arrow keys move between items, Esc closes and returns focus.
 */
export function ExportMenu(): ReactElement {
  const { run, cursor, ready } = useAppStore(selectExport);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<ExportKind | 'print' | null>(null);
  const [problem, setProblem] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const upTo = run ? Math.min(cursor, run.steps.length - 1) : -1;

  useEffect(() => {
    if (!open) return;
    void loadExports();
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current)
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };
  const choose = (item: MenuItem): void => {
    setOpen(false);
    if (item.open === 'svg' || item.open === 'png') {
      if (run) void savePicture(item.open, run, upTo);
      button.current?.focus();
      return;
    }
    setActive(item.open);
  };
  /** Downloads the sequence diagram of the steps so far, in the theme's colours. */
  const savePicture = async (
    kind: 'svg' | 'png',
    r: SimulationRun,
    last: number,
  ): Promise<void> => {
    setProblem('');
    try {
      const { toSequenceSvg } = await loadExports();
      const colours = readSequenceColours();
      const svg = toSequenceSvg(r, last, { colours });
      if (kind === 'svg') {
        downloadText(exportFileName(r.scenarioId, last, 'svg'), svg, 'image/svg+xml');
        return;
      }
      const png = await svgToPng(svg, colours.background);
      downloadText(exportFileName(r.scenarioId, last, 'png'), png, 'image/png');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The picture could not be made.');
    }
  };
  const finish = (): void => {
    setActive(null);
    // After the print view has gone (it makes the app inert while open).
    window.setTimeout(() => button.current?.focus(), 0);
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu-list"
        disabled={!ready || !run || upTo < 0}
        title={
          upTo < 0 ? 'Step into the flow first: exports hold the steps shown so far' : undefined
        }
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open ? (
        <ul
          id="export-menu-list"
          ref={menu}
          className="export-list"
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item) => (
            <li
              key={item.label}
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(item);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <span className="export-problem" role="alert">
          {problem}
        </span>
      ) : null}
      {run && active === 'print'
        ? createPortal(<PrintView run={run} upTo={upTo} onClose={finish} />, document.body)
        : null}
      {run && active && active !== 'print' ? (
        <ExportDialog kind={active} run={run} upTo={upTo} onClose={finish} />
      ) : null}
    </div>
  );
}
