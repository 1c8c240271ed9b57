// What the world's JSON Schema expects at a place in the JSON text: the JSON tab's hover hints.
import type { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';

type Schema = Record<string, unknown>;
const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '⚠']);

/**
 * The JSON path of the value or key at `pos` (`['parties', 2, 'obo']`), with the range of the
 * syntax node there; `null` outside any JSON value.
 */
export function pathAt(
  state: EditorState,
  pos: number,
): { path: (string | number)[]; from: number; to: number } | null {
  const tree = ensureSyntaxTree(state, state.doc.length, 200);
  if (!tree) return null;
  const target = tree.resolveInner(pos, 1);
  if (target.name === 'JsonText') return null;
  const path: (string | number)[] = [];
  let child: SyntaxNode | null = null;
  for (let node: SyntaxNode | null = target; node; node = node.parent) {
    if (node.name === 'Property') {
      const name = node.getChild('PropertyName');
      if (name) path.unshift(state.sliceDoc(name.from + 1, name.to - 1));
    } else if (node.name === 'Array' && child) {
      const items: SyntaxNode[] = [];
      for (let c = node.firstChild; c; c = c.nextSibling)
        if (!PUNCTUATION.has(c.name)) items.push(c);
      const from = child.from;
      const index = items.findIndex((c) => c.from === from);
      if (index >= 0) path.unshift(index);
    }
    child = node;
  }
  return { path, from: target.from, to: target.to };
}

function resolve(root: Schema, node: unknown): Schema | null {
  if (typeof node !== 'object' || node === null) return null;
  const ref = (node as Schema).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = root;
    for (const part of ref.slice(2).split('/'))
      target = (target as Schema | undefined)?.[decodeURIComponent(part)];
    return resolve(root, target);
  }
  return node as Schema;
}

function step(root: Schema, node: Schema, key: string | number): Schema | null {
  const options = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(options)) {
    // Every alternative that has this key (e.g. `kind` of each party type).
    const found = options
      .map((option) => resolve(root, option))
      .map((option) => (option ? step(root, option, key) : null))
      .filter((next): next is Schema => next !== null);
    if (found.length === 0) return null;
    return found.length === 1 ? (found[0] ?? null) : { anyOf: found };
  }
  if (typeof key === 'number') return resolve(root, node.items);
  const properties = node.properties as Schema | undefined;
  if (properties && key in properties) return resolve(root, properties[key]);
  return typeof node.additionalProperties === 'object'
    ? resolve(root, node.additionalProperties)
    : null;
}

/** The schema of the value at `path` in `root` (through `anyOf`/`oneOf`, `items`, `$ref`). */
export function schemaAt(root: Schema, path: readonly (string | number)[]): Schema | null {
  let node: Schema | null = root;
  for (const key of path) {
    if (!node) return null;
    node = step(root, node, key);
  }
  return node;
}

/** One line on what a schema accepts, e.g. `one of: "v1", "v2"` or `string, at most 200 characters`. */
export function describeSchema(root: Schema, node: Schema): string {
  if (Array.isArray(node.enum))
    return `one of: ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('const' in node) return `exactly ${JSON.stringify(node.const)}`;
  const options = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(options))
    return options
      .map((o) => resolve(root, o))
      .filter((o): o is Schema => o !== null)
      .map((o) => describeSchema(root, o))
      .join(' | ');
  const parts: string[] = [String(node.type ?? 'any value')];
  if (node.type === 'object' && node.properties) {
    const required = new Set((node.required as string[] | undefined) ?? []);
    parts.push(
      `with ${Object.keys(node.properties)
        .map((k) => (required.has(k) ? k : `${k}?`))
        .join(', ')}`,
    );
  }
  if (typeof node.minLength === 'number' && node.minLength > 0)
    parts.push(`at least ${node.minLength} characters`);
  if (typeof node.maxLength === 'number') parts.push(`at most ${node.maxLength} characters`);
  if (typeof node.pattern === 'string') parts.push(`matching ${node.pattern}`);
  if (typeof node.minimum === 'number') parts.push(`>= ${node.minimum}`);
  if (typeof node.maximum === 'number') parts.push(`<= ${node.maximum}`);
  if (typeof node.maxItems === 'number') parts.push(`up to ${node.maxItems} items`);
  return parts.join(', ');
}
