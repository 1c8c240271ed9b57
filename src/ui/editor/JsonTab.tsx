// The editor's JSON tab: the whole world in CodeMirror 6, with JSON syntax checks and the world
// schema's messages at the field they concern; every valid edit re-runs the flow.
import { useEffect, useRef, type ReactElement } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  syntaxHighlighting,
  defaultHighlightStyle,
} from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { WorldIssue } from '../../state/world/schema';
import { rangeOfPath } from './json-position';

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
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          bracketMatching(),
          json(),
          syntaxHighlighting(defaultHighlightStyle),
          schemaLint,
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
