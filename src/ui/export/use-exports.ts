// Loads the export functions on demand (they are not part of the first screen).
import { useEffect, useState } from 'react';
import type * as ExportModule from '../../state/export/index';

/** The export module. */
export type Exports = typeof ExportModule;

let loaded: Exports | null = null;
let pending: Promise<Exports> | null = null;

/** Starts (once) loading the export functions. */
export function loadExports(): Promise<Exports> {
  pending ??= import('../../state/export/index').then((module) => (loaded = module));
  return pending;
}

/** The export functions once loaded (`null` meanwhile); starts loading them when first used. */
export function useExports(): Exports | null {
  const [exports, setExports] = useState<Exports | null>(loaded);
  useEffect(() => {
    if (exports) return;
    let live = true;
    void loadExports().then((module) => {
      if (live) setExports(module);
    });
    return () => {
      live = false;
    };
  }, [exports]);
  return exports;
}
