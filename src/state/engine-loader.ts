// Loads the protocol engine and the scenario catalogue as a separate chunk, so the first screen
// paints before the crypto libraries (jose, @peculiar/x509) have downloaded.
import type * as EngineModule from '../engine/index';
import type * as ScenarioModule from '../scenarios/index';

/** The engine's public API and the scenario catalogue, once loaded. */
export interface EngineBundle {
  engine: typeof EngineModule;
  scenarios: typeof ScenarioModule;
}

let loaded: EngineBundle | null = null;
let pending: Promise<EngineBundle> | null = null;

/** Starts (once) and awaits the download of the engine chunk. Rejects if the chunk fails to load. */
export function loadEngine(): Promise<EngineBundle> {
  pending ??= Promise.all([import('../engine/index'), import('../scenarios/index')]).then(
    ([engine, scenarios]) => {
      loaded = { engine, scenarios };
      return loaded;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/**
 * The loaded engine API. View builders call it only for values of a run, and a run exists only
 * after the engine has loaded, so this never throws in practice.
 * @throws Error when called before {@link loadEngine} resolved.
 */
export function engineApi(): EngineBundle['engine'] {
  if (!loaded) throw new Error('The simulation engine has not loaded yet.');
  return loaded.engine;
}
