// The inspector before step 1: the scenario's summary, docs and starting facts with their tokens.
import type { ReactElement } from 'react';
import type { SimulationRun } from '../../engine/index';
import { buildStartingFacts, type ScenarioSummary } from '../../state/index';
import { DocLinks } from './DocLinks';
import { TokenCard } from './TokenCard';

/** Renders the scenario introduction. */
export function ScenarioIntro({
  run,
  scenario,
}: {
  run: SimulationRun;
  scenario: ScenarioSummary | undefined;
}): ReactElement {
  const facts = buildStartingFacts(run);
  return (
    <div className="scenario-intro">
      <h2 className="inspector-title">{run.title}</h2>
      {scenario ? <p className="summary">{scenario.summary}</p> : null}
      <p className="hint">
        {run.pendingPrompt
          ? `${run.steps.length} messages, then the flow waits for you to decide for the user (sign in, consent...). `
          : `${run.steps.length} messages. `}
        Press <kbd>Next step</kbd> (<kbd>→</kbd>) or <kbd>Play</kbd> (<kbd>Space</kbd>) to start.
      </p>
      {scenario ? <DocLinks docs={scenario.docs} /> : null}
      {facts.length > 0 ? (
        <section aria-labelledby="starting-facts">
          <h3 id="starting-facts">Starting facts</h3>
          {facts.map((fact) => (
            <div key={fact.title} className="fact">
              <h4>{fact.title}</h4>
              <p>{fact.description}</p>
              <p className="muted">Held by {fact.holderLabel}.</p>
              {fact.token ? (
                <TokenCard tokenRef={fact.token} now={run.startTime} level={4} />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
