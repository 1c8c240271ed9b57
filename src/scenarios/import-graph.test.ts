// The scenario catalogue loads without the engine's heavy modules: no jose, no X.509, no crypto/.
import { describe, expect, it } from 'vitest';
import { importChain, runtimeImportGraph } from './import-graph.test-helpers';

describe('the scenario catalogue', () => {
  const graph = runtimeImportGraph('scenarios/index.ts');

  it('reaches neither engine/crypto/index.ts nor engine/index.ts at runtime', () => {
    const heavy = [...graph.files].filter(
      (file) => file === 'engine/crypto/index.ts' || file === 'engine/index.ts',
    );
    expect(heavy.map((file) => importChain(graph, file))).toEqual([]);
  });

  it('imports no crypto library', () => {
    expect(
      [...graph.packages].filter((name) => /^(jose|@peculiar\/|reflect-metadata)/.test(name)),
    ).toEqual([]);
  });

  it('takes its values from light engine modules only', () => {
    const engine = [...graph.files].filter((file) => file.startsWith('engine/'));
    expect(engine.length).toBeGreaterThan(0);
    for (const file of engine) {
      expect(file, importChain(graph, file)).not.toMatch(/^engine\/(simulation|parties)\//);
    }
  });
});
