// Loads the protocol engine and the scenario catalogue as separate chunks, so the first screen
// paints before the crypto libraries (jose, @peculiar/x509) have downloaded. The catalogue chunk
// does not import the engine's (scenarios/import-graph.test.ts), so the party nodes are drawn as
// soon as it lands, while the engine still downloads. Views never need the engine: they read runs
// with the crypto-free engine/wire, imported statically.
import type * as EngineModule from '../engine/index';
import type * as ScenarioModule from '../scenarios/index';

/** The engine's public API and the scenario catalogue, once loaded. */
export interface EngineBundle {
  engine: typeof EngineModule;
  scenarios: typeof ScenarioModule;
}

let pendingCatalogue: Promise<typeof ScenarioModule> | null = null;
let pendingEngine: Promise<typeof EngineModule> | null = null;

/**
 * Starts (once) and awaits the download of the scenario catalogue chunk alone (scenario data, no
 * crypto). Rejects if the chunk fails to load; the next call tries again.
 */
export function loadCatalogue(): Promise<typeof ScenarioModule> {
  pendingCatalogue ??= import('../scenarios/index').catch((error: unknown) => {
    pendingCatalogue = null;
    throw error;
  });
  return pendingCatalogue;
}

/**
 * Starts (once) and awaits the download of the engine chunk and the catalogue. Rejects if a chunk
 * fails to load; the next call tries again.
 */
export function loadEngine(): Promise<EngineBundle> {
  pendingEngine ??= import('../engine/index').catch((error: unknown) => {
    pendingEngine = null;
    throw error;
  });
  return Promise.all([pendingEngine, loadCatalogue()]).then(([engine, scenarios]) => ({
    engine,
    scenarios,
  }));
}
