// Replay mode in the store: start, step, rename, reveal secrets, and the ways back to scenarios.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../../engine/index';
import { runScenario } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { createAppStore } from '../store';
import { selectReplay, selectReplaying } from './har-slice';
import { importHar } from './index';

async function replayStore() {
  const store = createAppStore({
    loadCatalogue: () => Promise.resolve(SCENARIOS),
    run: (scenario, variants, seed, decisions) =>
      runScenario(scenario, { variants, seed, decisions }),
  });
  await store.getState().loadScenario('obo-secret');
  await store.getState().toggleVariant('consent-missing');
  const text = readFileSync(
    new URL('../../../public/samples/sample-obo-client-credentials.har', import.meta.url),
    'utf8',
  );
  const result = await importHar(text, 'sample.har', engine);
  if (!result.ok) throw new Error(result.problem.message);
  store.getState().stepForward();
  store.getState().startReplay(result.input);
  return store;
}

describe('replay mode', () => {
  it('shows the HAR before step 1, with no what-ifs or answers, and steps through it', async () => {
    const store = await replayStore();
    const state = store.getState();
    expect(selectReplaying(state)).toBe(true);
    expect(state.run?.title).toBe('HAR replay: sample.har');
    expect(state.cursor).toBe(-1);
    expect(state.variants).toEqual([]);
    expect(state.status).toBe('ready');
    state.stepForward();
    expect(store.getState().cursor).toBe(0);
  });

  it('renames a party and reveals secrets without moving the cursor', async () => {
    const store = await replayStore();
    store.getState().goToStep(3);
    store.getState().renameReplayParty('host:api-a.contoso.example', 'Todo API');
    expect(store.getState().run?.parties.find((p) => p.label === 'Todo API')).toBeDefined();
    expect(JSON.stringify(store.getState().run?.steps)).not.toContain('sampleCredentia1s');
    store.getState().setReplaySecretsShown(true);
    const state = store.getState();
    expect(JSON.stringify(state.run?.steps)).toContain('sampleCredentia1s');
    expect(selectReplay(state)?.names).toEqual({ 'host:api-a.contoso.example': 'Todo API' });
    expect(state.cursor).toBe(3);
  });

  it('ends when a scenario is loaded, and "Back to scenarios" runs the scenario again', async () => {
    const store = await replayStore();
    await store.getState().leaveReplay();
    expect(selectReplaying(store.getState())).toBe(false);
    expect(store.getState().replay).toBeNull();
    expect(store.getState().run?.scenarioId).toBe('obo-secret');
    expect(store.getState().run?.title).not.toMatch(/HAR replay/);

    const again = await replayStore();
    await again.getState().loadScenario('cc-secret');
    expect(selectReplaying(again.getState())).toBe(false);
    // A rename after the replay ended changes nothing.
    again.getState().renameReplayParty('capturer', 'x');
    expect(again.getState().run?.scenarioId).toBe('cc-secret');
  });
});
