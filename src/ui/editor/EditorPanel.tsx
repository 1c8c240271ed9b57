// "Edit scenario": a side panel editing the world the flow runs in. Forms for the common fields,
// a JSON tab for everything; every edit re-runs the flow, invalid input gets a message at the field.
import { useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useAppStore, type AppState } from '../../state/index';
import { loadTemplate, worldTemplates } from '../../state/world/templates';
import { AppsTab } from './AppsTab';
import { DirectoryTab } from './DirectoryTab';
import { EditorContext } from './fields';
import { GrantsTab } from './GrantsTab';
import { JsonTab } from './JsonTab';
import { PartiesTab } from './PartiesTab';
import { useWorldEditor } from './use-world-editor';
import './editor.css';

const TABS = ['Parties', 'App registrations', 'Grants', 'Directory', 'JSON'] as const;
type Tab = (typeof TABS)[number];

const selectPanel = (s: AppState) => ({
  catalogue: s.catalogue,
  run: s.run,
  status: s.status,
  error: s.error,
  worldName: s.worldName,
  closeWorld: s.closeWorld,
});

/** Props of {@link EditorPanel}. */
export interface EditorPanelProps {
  onClose: () => void;
}

/** The scenario editor (a lazily loaded chunk with CodeMirror). */
export function EditorPanel({ onClose }: EditorPanelProps): ReactElement {
  const id = useId();
  const editor = useWorldEditor();
  const { catalogue, run, status, error, worldName, closeWorld } = useAppStore(selectPanel);
  const [tab, setTab] = useState<Tab>('Parties');
  const [template, setTemplate] = useState('');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const { draft } = editor;
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = (index + step + TABS.length) % TABS.length;
    setTab(TABS[next] ?? 'Parties');
    tabRefs.current[next]?.focus();
  };
  const outcome =
    status === 'loading'
      ? 'Running…'
      : status === 'error'
        ? `The flow could not run: ${error ?? ''}`
        : run?.pendingPrompt
          ? run.result.summary
          : run
            ? `${run.result.ok ? 'Flow succeeded' : 'Flow failed'}: ${run.result.summary}`
            : '';
  return (
    <section
      className="editor-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && tab !== 'JSON') onClose();
      }}
    >
      <div className="editor-head">
        <h2 id={`${id}-title`}>Edit scenario</h2>
        <button
          type="button"
          className="panel-dialog-close"
          aria-label="Close the editor"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="editor-name">
        {worldName ?? draft?.title ?? ''}
        {editor.pending ? ' (re-running…)' : ''}
      </p>
      <div className="editor-actions">
        <label className="editor-field">
          <span>Start from a template</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">Choose…</option>
            {worldTemplates(catalogue ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="editor-small-button"
          disabled={!template || !catalogue}
          onClick={() => {
            void loadTemplate(template, catalogue ?? []).then((world) => {
              if (world) void editor.open(world);
            });
          }}
        >
          Open template
        </button>
        <button
          type="button"
          className="editor-small-button"
          onClick={() => {
            void closeWorld();
            onClose();
          }}
        >
          Back to the built-in scenario
        </button>
      </div>
      <p
        className={`editor-outcome${(run?.result.ok === false && !run.pendingPrompt) || status === 'error' ? ' is-failed' : ''}`}
        role="status"
      >
        {outcome}
      </p>
      {editor.issues.length > 0 ? (
        <div className="editor-issues" role="alert">
          <p>This edit was not applied (the last valid scenario keeps running):</p>
          <ul>
            {editor.issues.slice(0, 6).map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path ? <code>{issue.path}</code> : null} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div role="tablist" aria-label="Parts of the scenario" className="editor-tabs">
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {name}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${TABS.indexOf(tab)}`}
        className="editor-tabpanel"
      >
        {!draft ? (
          <p className="editor-note">Loading the scenario…</p>
        ) : (
          <EditorContext.Provider value={{ messages: editor.messages, change: editor.change }}>
            {tab === 'Parties' ? <PartiesTab world={draft} replace={editor.replace} /> : null}
            {tab === 'App registrations' ? (
              <AppsTab world={draft} replace={editor.replace} />
            ) : null}
            {tab === 'Grants' ? <GrantsTab world={draft} replace={editor.replace} /> : null}
            {tab === 'Directory' ? <DirectoryTab world={draft} replace={editor.replace} /> : null}
            {tab === 'JSON' ? (
              <JsonTab
                initial={JSON.stringify(draft, null, 2)}
                issues={editor.issues}
                onValue={(value) => editor.replace(value, false)}
              />
            ) : null}
          </EditorContext.Provider>
        )}
      </div>
    </section>
  );
}
