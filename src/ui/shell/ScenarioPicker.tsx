// The scenario picker: every scenario grouped by flow; picking one loads and runs it.
import type { ChangeEvent, ReactElement } from 'react';
import { findScenario, groupScenarios, selectScenarioPicker, useAppStore } from '../../state/index';

/** A labelled `<select>` named "Scenario", disabled until the catalogue has loaded. */
export function ScenarioPicker(): ReactElement {
  const { catalogue, scenarioId, loadScenario } = useAppStore(selectScenarioPicker);
  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const scenario = findScenario(catalogue, event.target.value);
    if (scenario) void loadScenario(scenario.id);
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
