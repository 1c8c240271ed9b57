// Loads the protocol engine and the scenario catalogue as separate chunks, so the first screen
// paints before the crypto libraries (jose, @peculiar/x509) have downloaded. Views never need
// them: they read runs with the crypto-free engine/wire, imported statically.
import type * as EngineModule from '../engine/index';
import type * as ScenarioModule from '../scenarios/index';

/** The engine's public API and the scenario catalogue, once loaded. */
export interface EngineBundle {
  engine: typeof EngineModule;
  scenarios: typeof ScenarioModule;
}

let pending: Promise<EngineBundle> | null = null;

/** Starts (once) and awaits the download of the engine chunk. Rejects if the chunk fails to load. */
export function loadEngine(): Promise<EngineBundle> {
  pending ??= Promise.all([import('../engine/index'), import('../scenarios/index')]).then(
    ([engine, scenarios]) => ({ engine, scenarios }),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}
