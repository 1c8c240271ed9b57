// The scenario picker: every scenario grouped by flow; picking one loads and runs it.
import type { ChangeEvent, ReactElement } from 'react';
import {
  appStore,
  findScenario,
  groupScenarios,
  selectScenarioPicker,
  useAppStore,
} from '../../state/index';

/** A labelled `<select>` named "Scenario", disabled until the catalogue has loaded. */
export function ScenarioPicker(): ReactElement {
  const { catalogue, scenarioId, loadScenario } = useAppStore(selectScenarioPicker);
  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const scenario = findScenario(catalogue, event.target.value);
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
      <select value={scenarioId} onChange={onChange} disabled={!catalogue}>
        {!catalogue ? <option value={scenarioId}>Loading scenarios…</option> : null}
        {groupScenarios(catalogue ?? []).map((group) => (
          <optgroup key={group.category} label={group.category}>
            {group.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
