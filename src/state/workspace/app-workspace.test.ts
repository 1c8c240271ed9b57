// The app's workspace actions against the real store and engine, with IndexedDB from fake-indexeddb.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { appStore } from '../app-store';
import { worldFromScenario } from '../world/convert';
import { importScenarioFile, saveCurrentAs, workspaceStore } from './app-workspace';
import { encodeScenarioFile, MAX_SCENARIO_FILE_BYTES } from './scenario-file';

const lastNotice = (): string => appStore.getState().notices.at(-1)?.text ?? '';

/** A file-like value whose `text()` is watched. */
function fileOf(name: string, text: string, size = new TextEncoder().encode(text).length) {
  return { name, size, text: vi.fn(() => Promise.resolve(text)) };
}

async function oboWorld() {
  await appStore.getState().loadScenario('obo-secret');
  const scenario = appStore.getState().catalogue?.find((s) => s.id === 'obo-secret');
  if (!scenario) throw new Error('obo-secret missing');
  return worldFromScenario(scenario);
}

describe('app workspace', () => {
  it('Save as keeps the built-in scenario on screen under a name, which the open world then carries', async () => {
    await appStore.getState().loadScenario('obo-secret');
    const saved = await saveCurrentAs('Class demo');
    expect(saved).toMatchObject({ ok: true, value: { name: 'Class demo' } });
    expect(workspaceStore.getState().entries.map((e) => e.name)).toContain('Class demo');
    expect(appStore.getState().worldName).toBe('Class demo');
    expect(appStore.getState().world?.baseScenario).toBe('obo-secret');
  });

  it('imports a scenario file: the world opens under the file name and runs', async () => {
    const world = await oboWorld();
    world.title = 'Imported OBO';
    const file = fileOf('mine.scenario.json', encodeScenarioFile('From a file', world));
    expect(await importScenarioFile(file)).toMatchObject({ ok: true });
    expect(appStore.getState().worldName).toBe('From a file');
    expect(appStore.getState().run?.title).toBe('Imported OBO');
    expect(lastNotice()).toBe(
      'Imported "From a file" from "mine.scenario.json". Use Save as to keep it in My scenarios.',
    );
  });

  it('refuses a file that is too large without reading it', async () => {
    const file = fileOf('huge.json', '{}', MAX_SCENARIO_FILE_BYTES + 1);
    expect(await importScenarioFile(file)).toMatchObject({ ok: false });
    expect(file.text).not.toHaveBeenCalled();
    expect(lastNotice()).toBe(
      '"huge.json" could not be imported. The file is too large (2.0 MB); a scenario file is at most 2 MB.',
    );
  });

  it('names the path of a schema error in the file, and keeps the scenario on screen', async () => {
    const world = await oboWorld();
    const before = appStore.getState().run;
    const broken = { ...world, parties: 'none' };
    expect(
      await importScenarioFile(fileOf('bad.json', encodeScenarioFile('Bad', broken))),
    ).toMatchObject({ ok: false });
    expect(lastNotice()).toMatch(
      /^"bad\.json" could not be imported\. The scenario in the file is not valid: world\.parties: /,
    );
    expect(appStore.getState().run).toBe(before);
  });

  it('says a HAR file belongs to Import HAR file', async () => {
    const har = JSON.stringify({ log: { version: '1.2', entries: [] } });
    expect(await importScenarioFile(fileOf('trace.har', har))).toMatchObject({ ok: false });
    expect(lastNotice()).toBe(
      '"trace.har" could not be imported. This is a HAR file, not a scenario file: use Import HAR file for recorded traffic.',
    );
  });

  it('answers when reading the file fails', async () => {
    const file = {
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    };
    expect(await importScenarioFile(file)).toMatchObject({ ok: false });
    expect(lastNotice()).toBe('"gone.json" could not be imported: NotReadableError.');
  });

  it('leaves the problems to the caller when asked (the Import dialog shows them itself)', async () => {
    const before = appStore.getState().notices.length;
    const outcome = await importScenarioFile(fileOf('empty.json', ''), {
      announceProblems: false,
    });
    expect(outcome).toEqual({
      ok: false,
      message: '"empty.json" could not be imported. The file is empty.',
    });
    expect(appStore.getState().notices).toHaveLength(before);
  });
});
