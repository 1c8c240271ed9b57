// The header: product name, scenario picker (grouped by flow) and, on narrow screens, the What-if toggle.
import type { ChangeEvent, ReactElement } from 'react';
import { findScenario, groupScenarios, selectScenarioPicker, useAppStore } from '../../state/index';

/** The top bar. */
export function Header(): ReactElement {
  const { catalogue, scenarioId, loadScenario, whatIfOpen, setWhatIfOpen, variantCount } =
    useAppStore(selectScenarioPicker);
  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const scenario = findScenario(catalogue, event.target.value);
    if (scenario) void loadScenario(scenario.id);
  };
  return (
    <header className="app-header">
      <h1 className="brand">
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <circle cx="5" cy="12" r="3" />
          <circle cx="19" cy="6" r="3" />
          <circle cx="19" cy="18" r="3" />
          <path d="M8 11l8-4M8 13l8 4" strokeWidth="2" />
        </svg>
        OAuth Flow Simulator
      </h1>
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
      <button
        type="button"
        className="whatif-toggle"
        aria-expanded={whatIfOpen}
        aria-controls="whatif-panel"
        onClick={() => setWhatIfOpen(!whatIfOpen)}
      >
        What if…{variantCount > 0 ? ` (${variantCount} on)` : ''}
      </button>
    </header>
  );
}
