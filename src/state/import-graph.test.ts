// The state layer reads runs with engine/wire and loads the engine only on demand: its static
// import graph reaches neither the engine's public entry nor its crypto.
import { describe, expect, it } from 'vitest';
import { importChain, runtimeImportGraph } from '../scenarios/import-graph.test-helpers';

describe('the state layer', () => {
  const graph = runtimeImportGraph('state/index.ts');

  it('reaches the engine only through engine/wire', () => {
    const engine = [...graph.files].filter((file) => file.startsWith('engine/'));
    expect(engine).toContain('engine/wire.ts');
    const entries = engine.filter(
      (file) => file === 'engine/index.ts' || file.startsWith('engine/crypto/'),
    );
    expect(entries.map((file) => importChain(graph, file))).toEqual([]);
  });

  it('loads no scenario and no crypto library statically', () => {
    expect([...graph.files].filter((file) => file.startsWith('scenarios/'))).toEqual([]);
    expect([...graph.packages].filter((name) => /^(jose|@peculiar\/)/.test(name))).toEqual([]);
  });
});
