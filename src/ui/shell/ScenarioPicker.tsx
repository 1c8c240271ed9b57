// The scenario picker: every scenario grouped by flow, and the person's saved ones under "My scenarios"; picking one loads and runs it.
import { useEffect, useMemo, useState, type ChangeEvent, type ReactElement } from 'react';
import {
  appStore,
  groupScenarios,
  selectScenarioPicker,
  useAppStore,
  type AppState,
} from '../../state/index';
import type { World } from '../../state/world/schema';
import { findOpenSaved, type SavedScenario } from '../../state/workspace/types';

// The workspace (IndexedDB, its store) loads after the first screen.
const loadWorkspace = () => import('../../state/workspace/app-workspace');

/**
 * The saved scenarios, once the workspace chunk has loaded and read them (none in an embed: a
 * docs page's player shows no one's saved scenarios).
 */
function useSavedScenarios(enabled: boolean): SavedScenario<World>[] {
  const [saved, setSaved] = useState<SavedScenario<World>[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let unsubscribe = (): void => undefined;
    loadWorkspace().then(
      ({ workspaceStore, startWorkspace }) => {
        if (!live) return;
        setSaved(workspaceStore.getState().entries);
        unsubscribe = workspaceStore.subscribe((state) => setSaved(state.entries));
        void startWorkspace();
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [enabled]);
  return enabled ? saved : [];
}

/** Option values of saved scenarios (`saved:<id>`) and of an open world that is not saved. */
const SAVED_PREFIX = 'saved:';
const UNSAVED_VALUE = 'edited:unsaved';

const selectOpenWorld = (s: AppState) => ({
  world: s.world,
  worldName: s.worldName,
  embed: s.embed,
});

/** A labelled `<select>` named "Scenario", disabled until the scenarios' list is known. */
export function ScenarioPicker(): ReactElement {
  const { scenarios, scenarioId, loadScenario } = useAppStore(selectScenarioPicker);
  const { world, worldName, embed } = useAppStore(selectOpenWorld);
  const saved = useSavedScenarios(!embed);
  const open = useMemo(() => findOpenSaved(saved, world, worldName), [saved, world, worldName]);
  const value = open ? `${SAVED_PREFIX}${open.id}` : world ? UNSAVED_VALUE : scenarioId;
  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    if (event.target.value.startsWith(SAVED_PREFIX)) {
      const id = event.target.value.slice(SAVED_PREFIX.length);
      void loadWorkspace().then(({ openSaved }) => openSaved(id));
      return;
    }
    const scenario = scenarios?.find((s) => s.id === event.target.value);
    if (!scenario) return;
    // Arrow keys on the closed picker change the scenario at once: say where the old run went.
    const { decisions, variants, run, notify } = appStore.getState();
    const previous = run?.title;
    void loadScenario(scenario.id).then(() => {
      if (previous && (decisions.length > 0 || variants.length > 0))
        notify(
          `"${previous}" with your answers and switches is one step back in the browser history: press Back (Alt+Left) to return to it.`,
        );
    });
  };
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select value={value} onChange={onChange} disabled={!scenarios}>
        {!scenarios ? <option value={scenarioId}>Loading scenarios…</option> : null}
        {groupScenarios(scenarios ?? []).map((group) => (
          <optgroup key={group.category} label={group.category}>
            {group.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ))}
        {scenarios && (saved.length > 0 || (world && !open)) ? (
          // An embed's edited world is the link's, not the visitor's: no "My scenarios" there.
          <optgroup label={embed ? 'Edited scenario' : 'My scenarios'}>
            {world && !open ? (
              <option value={UNSAVED_VALUE}>
                {`${worldName ?? world.title}${embed ? '' : ' (not saved)'}`}
              </option>
            ) : null}
            {saved.map((entry) => (
              <option key={entry.id} value={`${SAVED_PREFIX}${entry.id}`}>
                {entry.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}
