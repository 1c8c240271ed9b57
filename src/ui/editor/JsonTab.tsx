// The editor's JSON tab: the whole world in CodeMirror 6, with JSON syntax checks and the world
// schema's messages at the field they concern; every valid edit re-runs the flow.
import { useEffect, useRef, type ReactElement } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  HighlightStyle,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { worldJsonSchema, type WorldIssue } from '../../state/world/schema';
import { rangeOfPath } from './json-position';
import { describeSchema, pathAt, schemaAt } from './schema-hint';

/** JSON colours from the theme tokens, readable in the light, dark and high-contrast themes. */
const HIGHLIGHT = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--text-accent)' },
  { tag: tags.string, color: 'var(--text-code)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--link)' },
  { tag: tags.invalid, color: 'var(--outcome-error-text)' },
]);

/** Colours from the app's theme tokens (custom properties reach into the shadow root). */
const THEME = EditorView.theme({
  '&': {
    height: '100%',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    fontSize: 'var(--font-size-4)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-muted)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
  },
  '.cm-schema-hint': { padding: '2px 6px', maxWidth: '28rem', fontFamily: 'var(--font-sans)' },
});

/**
 * Hovering a key or value shows its path and what the world's JSON Schema (generated from the
 * zod schema) accepts there.
 */
function schemaHints() {
  const schema = worldJsonSchema();
  return hoverTooltip((view, pos) => {
    const found = pathAt(view.state, pos);
    const node = found ? schemaAt(schema, found.path) : null;
    if (!found || !node) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-schema-hint';
        dom.textContent = `${found.path.join('.') || '(the world)'}: ${describeSchema(schema, node)}`;
        return { dom };
      },
    };
  });
}

/** Props of {@link JsonTab}. */
export interface JsonTabProps {
  /** The text the editor starts with (the draft as formatted JSON). */
  initial: string;
  /** The issues of the newest edit the store refused. */
  issues: readonly WorldIssue[];
  /** Called with the parsed value of every syntactically valid text. */
  onValue: (value: unknown) => void;
}

/** The world as JSON, validated as you type. */
export function JsonTab({ initial, issues, onValue }: JsonTabProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const issuesRef = useRef(issues);
  const onValueRef = useRef(onValue);
  useEffect(() => {
    onValueRef.current = onValue;
  }, [onValue]);

  useEffect(() => {
    if (!host.current) return;
    const syntax = jsonParseLinter();
    const schemaLint = linter(
      (v): Diagnostic[] => {
        const syntaxErrors = syntax(v);
        if (syntaxErrors.length > 0) return syntaxErrors;
        return issuesRef.current.map((issue) => {
          const range = rangeOfPath(v.state, issue.path) ?? { from: 0, to: 0 };
          return {
            ...range,
            severity: 'error',
            message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
            source: 'world schema',
          };
        });
      },
      { delay: 200 },
    );
    // CodeMirror injects its styles at run time. In the document that would be a <style> element,
    // which the page's Content-Security-Policy (style-src 'self') refuses; in a shadow root it uses a
    // constructed stylesheet (adoptedStyleSheets), which the policy allows.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const editor = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          bracketMatching(),
          json(),
          syntaxHighlighting(HIGHLIGHT),
          THEME,
          schemaLint,
          schemaHints(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario JSON' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            try {
              onValueRef.current(JSON.parse(update.state.doc.toString()));
            } catch {
              // Not JSON yet: the syntax check shows where; the last valid world keeps running.
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once per mount; later drafts come from its own text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // New schema issues: re-run the lint so they show at their fields.
  useEffect(() => {
    issuesRef.current = issues;
    if (view.current) forceLinting(view.current);
  }, [issues]);

  return <div ref={host} className="editor-json" />;
}
