// Where a JSON path (`parties.2.obo.downstream`) is in the text, from the Lezer JSON syntax tree.
import type { EditorState } from '@codemirror/state';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '⚠']);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (!PUNCTUATION.has(child.name)) out.push(child);
  return out;
}

/**
 * The text range of the value at `path` (dotted, as zod issues give it) in `state`'s JSON, or of
 * the deepest part of it that exists (a missing key points at its object). `null` when the text
 * has no JSON value at all.
 */
export function rangeOfPath(state: EditorState, path: string): { from: number; to: number } | null {
  const top = syntaxTree(state).topNode;
  let node: SyntaxNode | undefined = children(top)[0];
  if (!node) return null;
  let keyNode: SyntaxNode | null = null;
  for (const key of path === '' ? [] : path.split('.')) {
    const current: SyntaxNode = node;
    if (current.name === 'Object') {
      const property = children(current).find((p) => {
        const name = p.getChild('PropertyName');
        return name !== null && state.sliceDoc(name.from + 1, name.to - 1) === key;
      });
      const value = property
        ? children(property).find((c) => c.name !== 'PropertyName')
        : undefined;
      if (!property || !value) break;
      keyNode = property.getChild('PropertyName');
      node = value;
    } else if (current.name === 'Array' && /^\d+$/.test(key)) {
      const item = children(current)[Number(key)];
      if (!item) break;
      keyNode = null;
      node = item;
    } else break;
  }
  // Short values are marked whole; an object or array by its key (or its first line).
  if (node.name === 'Object' || node.name === 'Array') {
    if (keyNode) return { from: keyNode.from, to: keyNode.to };
    return { from: node.from, to: Math.min(node.to, state.doc.lineAt(node.from).to) };
  }
  return { from: node.from, to: node.to };
}
