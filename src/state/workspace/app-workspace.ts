// The app's workspace: one store over the browser's IndexedDB, and the actions the UI calls (save the current world, open, import).
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { appStore, ensureCatalogue } from '../app-store';
import type { World } from '../world/schema';
import { idbWorkspaceStorage } from './storage';
import { describeIssues, type SavedScenario } from './types';
export { findOpenSaved, sameData } from './types';
import { createWorkspaceStore, type WorkspaceResult, type WorkspaceState } from './workspace-store';

/** zod and the world schema load only when something is stored or a file is read. */
const loadWorldSchema = () => import('../world/schema');

/** Tells the app's other tabs that the saved scenarios changed (where BroadcastChannel exists). */
const channel =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('ofs-workspace') : null;

/** The workspace of this page: saved worlds in IndexedDB (see `createWorkspaceStore`). */
export const workspaceStore = createWorkspaceStore<World>({
  onWritten: () => channel?.postMessage('changed'),
  storage: idbWorkspaceStorage(),
  loadReader: async () => {
    const [{ readWorkspaceRecord }, { parseWorld }] = await Promise.all([
      import('./record'),
      loadWorldSchema(),
    ]);
    return (raw) => readWorkspaceRecord(raw, parseWorld);
  },
  now: () => Date.now(),
  // randomUUID needs a secure context; a page served over plain http gets random hex instead.
  newId: () =>
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join(''),
});

// Another tab saved, renamed or deleted: show its list here too.
channel?.addEventListener('message', () => void workspaceStore.getState().refresh());

/** Reads the workspace store through a selector, compared shallowly. */
export function useWorkspace<T extends object>(selector: (state: WorkspaceState<World>) => T): T {
  return useStore(workspaceStore, useShallow(selector));
}

/**
 * Loads the saved scenarios (once per page) and tells the person, in a notice, what a corrupted
 * or other-version store lost, or that saving is unavailable in this browser.
 */
export async function startWorkspace(): Promise<void> {
  const first = workspaceStore.getState().status === 'idle';
  const message = await workspaceStore.getState().load();
  if (first && message) appStore.getState().notify(message);
}

/**
 * The world on screen and a name for it: the edited world and its name, or the built-in
 * scenario's data (as `worldFromScenario` makes it) and its title, checked with `parseWorld` so
 * that what is saved or exported can be read back. Loads the catalogue first when it has not
 * loaded yet. A message instead when it cannot load or the world does not pass the schema
 * (`path: message` of the first problems).
 */
export async function currentWorld(): Promise<
  { ok: true; world: World; name: string } | { ok: false; message: string }
> {
  // The first screen opens without the catalogue: wait for it (it is usually there by now).
  const loaded = await ensureCatalogue().then(
    () => true,
    () => false,
  );
  const { world, worldName, catalogue, scenarioId } = appStore.getState();
  const scenario = catalogue?.find((s) => s.id === scenarioId);
  if (!world && !scenario)
    return {
      ok: false,
      message: loaded
        ? `No scenario has the id "${scenarioId}".`
        : 'The scenarios could not be loaded: check the connection and reload the page.',
    };
  const { parseWorld, worldFromScenario } = await loadWorldSchema();
  const candidate = world ?? (scenario ? worldFromScenario(scenario) : null);
  const name = worldName ?? world?.title ?? scenario?.title ?? 'Scenario';
  const parsed = parseWorld(candidate);
  if (!parsed.ok)
    return {
      ok: false,
      message: `"${name}" cannot be kept as a file or saved yet: the scenario format does not describe all of it (${describeIssues(parsed.issues, 'world')}).`,
    };
  // The open world stays the same object (the editor and the run cache key on it).
  return { ok: true, world: world ?? parsed.world, name };
}

/**
 * "Save as": keeps the world on screen under `name` (a saved one of that name is replaced). The
 * open world then carries that name, so the picker shows it under "My scenarios"; the run on
 * screen stays as it is (the saved world is the one running).
 */
export async function saveCurrentAs(name: string): Promise<WorkspaceResult<SavedScenario<World>>> {
  const current = await currentWorld();
  if (!current.ok) return current;
  const saved = await workspaceStore.getState().saveAs(name, current.world);
  if (saved.ok) appStore.setState({ world: current.world, worldName: saved.value.name });
  return saved;
}

/** Renames a saved scenario; the open world follows when it is that one. */
export async function renameSaved(
  id: string,
  name: string,
): Promise<WorkspaceResult<SavedScenario<World>>> {
  const before = workspaceStore.getState().entries.find((e) => e.id === id);
  const renamed = await workspaceStore.getState().rename(id, name);
  const { world, worldName } = appStore.getState();
  if (renamed.ok && before && world && worldName === before.name)
    appStore.setState({ worldName: renamed.value.name });
  return renamed;
}

/** Opens a saved scenario (runs its world under its name); false when it no longer exists. */
export async function openSaved(id: string): Promise<boolean> {
  const entry = workspaceStore.getState().entries.find((e) => e.id === id);
  if (!entry) return false;
  const result = await appStore.getState().openWorld(entry.world, entry.name);
  return result.ok;
}

/** What {@link importScenarioFile} reads: a `File` (or anything shaped like one). */
export interface ScenarioFileInput {
  name: string;
  /** Size in bytes. */
  size: number;
  text: () => Promise<string>;
}

/** What {@link importScenarioFile} did: one sentence for the person either way. */
export interface ImportOutcome {
  ok: boolean;
  message: string;
}

/**
 * "Import scenario": reads a scenario file (size checked before reading) and opens its world
 * under its name. Success is announced in a notice; so are problems, unless `announceProblems` is
 * false (the Import dialog shows them itself, next to the file input). Never rejects.
 */
export async function importScenarioFile(
  file: ScenarioFileInput,
  { announceProblems = true }: { announceProblems?: boolean } = {},
): Promise<ImportOutcome> {
  const { notify } = appStore.getState();
  const refuse = (message: string): ImportOutcome => {
    if (announceProblems) notify(message);
    return { ok: false, message };
  };
  try {
    const [{ decodeScenarioFile, MAX_SCENARIO_FILE_BYTES }, { parseWorld }] = await Promise.all([
      import('./scenario-file'),
      loadWorldSchema(),
    ]);
    const text = file.size > MAX_SCENARIO_FILE_BYTES ? '' : await file.text();
    const decoded = decodeScenarioFile(text, parseWorld, file.size);
    if (!decoded.ok)
      return refuse(`"${file.name}" could not be imported. ${decoded.problems.join(' ')}`);
    const opened = await appStore.getState().openWorld(decoded.world, decoded.name);
    if (!opened.ok)
      return refuse(
        `"${file.name}" could not be opened: ${describeIssues(opened.issues, 'world')}.`,
      );
    const message = `Imported "${decoded.name}" from "${file.name}". Use Save as to keep it in My scenarios.`;
    notify(message);
    return { ok: true, message };
  } catch (error) {
    return refuse(
      `"${file.name}" could not be imported: ${error instanceof Error ? error.message : 'the file could not be read'}.`,
    );
  }
}
