// The store's edited world: open runs it, a valid edit re-runs, an invalid one keeps the last valid world.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { createAppStore } from '../store';
import { selectLinkState } from '../link/url-sync';
import { worldFromScenario } from './convert';
import { expandLinkWorld } from './link-world';
import { selectWhatIfs } from './world-slice';
import { fanOutWorld } from '../../scenarios/generated/fan-out';
import type { World } from './schema';

function makeStore() {
  return createAppStore({
    loadCatalogue: () => Promise.resolve(SCENARIOS),
    run: (scenario, variants, seed, decisions) =>
      runScenario(scenario, { variants, seed, decisions }),
  });
}

function oboWorld() {
  const base = SCENARIOS.find((s) => s.id === 'obo-secret');
  if (!base) throw new Error('obo-secret missing');
  return worldFromScenario(base);
}

/** The OBO world without the client in the middle tier's knownClientApplications. */
function withoutKnownClient() {
  const world = oboWorld();
  for (const app of world.directory.applications) app.api.knownClientApplications = [];
  world.directory.oauth2PermissionGrants = world.directory.oauth2PermissionGrants.filter(
    (g) => !g.scope.includes('Reports'),
  );
  return world;
}

describe('world slice', () => {
  it('opens a world, re-runs each valid edit, refuses an invalid one, and closes', async () => {
    const store = makeStore();
    await store.getState().loadScenario('obo-secret');
    const builtIn = store.getState().run;
    expect(builtIn?.result.ok).toBe(true);

    const opened = await store.getState().openWorld(oboWorld(), 'My OBO');
    expect(opened).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ worldName: 'My OBO', scenarioId: 'obo-secret' });
    expect(store.getState().run?.steps.length).toBe(builtIn?.steps.length);

    const bad = await store.getState().editWorld({ ...oboWorld(), starter: 'nobody' });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'starter' }] });
    expect(store.getState().world?.starter).toBe('client');
    expect(store.getState().status).toBe('ready');

    const edited = await store.getState().editWorld(withoutKnownClient());
    expect(edited).toEqual({ ok: true });
    expect(store.getState().run?.result.ok).toBe(false);

    await store.getState().closeWorld();
    expect(store.getState().world).toBeNull();
    expect(store.getState().run?.result.ok).toBe(true);
  });

  it('carries the edited world in its link, compactly, and restores it', async () => {
    const store = makeStore();
    await store.getState().loadScenario('obo-secret');
    await store.getState().openWorld(withoutKnownClient());
    const link = selectLinkState(store.getState());
    expect(Object.keys(link.world as object).sort()).toEqual(
      ['baseScenario', 'directory', 'version'].sort(),
    );
    expect(expandLinkWorld(link.world, SCENARIOS)).toEqual(store.getState().world);

    const other = makeStore();
    await other.getState().restoreState(JSON.parse(JSON.stringify(link)) as typeof link);
    expect(other.getState().world).toEqual(store.getState().world);
    expect(other.getState().run?.result.ok).toBe(false);
  });

  it('opens the built-in scenario with a notice when the link carries a bad world', async () => {
    const store = makeStore();
    const link = selectLinkState(store.getState());
    await store.getState().restoreState({
      ...link,
      world: { version: 1, baseScenario: 'obo-secret', starter: 42 },
    });
    expect(store.getState().world).toBeNull();
    expect(store.getState().run?.result.ok).toBe(true);
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join(),
    ).toMatch(/edited scenario could not be used \(starter: /);
  });

  it("offers only the base scenario's what-ifs that fit the world", async () => {
    const store = makeStore();
    await store.getState().loadScenario('obo-secret');
    const all = selectWhatIfs(store.getState()).whatIfs.map((v) => v.id);
    await store.getState().openWorld(oboWorld());
    expect(selectWhatIfs(store.getState()).whatIfs.map((v) => v.id)).toEqual(all);
    await store.getState().openWorld(fanOutWorld(5) as World);
    const fitting = selectWhatIfs(store.getState()).whatIfs.map((v) => v.id);
    expect(fitting.length).toBeLessThan(all.length);
    const unfit = all.find((id) => !fitting.includes(id)) ?? '';
    await store.getState().toggleVariant(unfit);
    expect(store.getState().variants).toEqual([]);
    expect(store.getState().run?.result.ok).toBe(true);
  });
});
