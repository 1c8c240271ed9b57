// Walks the runtime import graph of a module: what a bundler must load with it (dynamic import()
// and `import type` / `export type` are left out; `import { type A }` counts, as
// verbatimModuleSyntax keeps it as an import).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The modules a runtime graph reaches: source files (relative to `src/`) and packages. */
export interface ImportGraph {
  files: Set<string>;
  packages: Set<string>;
  /** For each file, the file that first imported it (to explain a path). */
  parent: Map<string, string>;
}

const SRC = fileURLToPath(new URL('../', import.meta.url));

function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) {
        specifiers.push(statement.moduleSpecifier.text);
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || !statement.moduleSpecifier) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) {
        specifiers.push(statement.moduleSpecifier.text);
      }
    }
  }
  return specifiers;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (candidate) =>
      existsSync(candidate) && !candidate.endsWith('/') && /\.(tsx?|json)$/.test(candidate),
  );
}

/** The runtime import graph of `entry` (a path relative to `src/`, e.g. `scenarios/index.ts`). */
export function runtimeImportGraph(entry: string): ImportGraph {
  const graph: ImportGraph = { files: new Set(), packages: new Set(), parent: new Map() };
  const queue = [join(SRC, entry)];
  graph.files.add(entry);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (!file.endsWith('.ts') && !file.endsWith('.tsx')) continue;
    for (const specifier of runtimeSpecifiers(file)) {
      if (!specifier.startsWith('.')) {
        graph.packages.add(specifier);
        continue;
      }
      const target = resolve(file, specifier);
      if (!target) throw new Error(`${relative(SRC, file)}: cannot resolve ${specifier}`);
      const name = relative(SRC, target);
      if (graph.files.has(name)) continue;
      graph.files.add(name);
      graph.parent.set(name, relative(SRC, file));
      queue.push(target);
    }
  }
  return graph;
}

/** The chain of imports from the entry to `file`, e.g. `a.ts -> b.ts -> file.ts`. */
export function importChain(graph: ImportGraph, file: string): string {
  const chain = [file];
  let at = graph.parent.get(file);
  while (at) {
    chain.unshift(at);
    at = graph.parent.get(at);
  }
  return chain.join(' -> ');
}
