// The "What happened" notes of token caches (hit, miss, expired) and of a tenant provisioned by admin consent.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import type { SimulationRun } from '../engine/index';
import { ADMIN_CONSENT } from '../scenarios/admin-consent';
import { CC_TOKEN_CACHE } from '../scenarios/cc-token-cache';
import { buildEventNotes, decisionChip } from './events';
import type { EventNote } from './events';

const allNotes = (run: SimulationRun): EventNote[] =>
  run.steps.flatMap((step) => buildEventNotes(run, step));

describe('token cache notes', () => {
  it('a hit says no request went to the authority, with the time left and the renewal margin', async () => {
    const run = await runScenario(CC_TOKEN_CACHE, {
      decisions: [{ prompt: 'clock', seconds: 300 }],
    });
    const hit = allNotes(run).find((n) => n.title.includes('took the token from its cache'));
    expect(hit?.tone).toBe('ok');
    expect(hit?.title).toBe(
      'Inventory Sync (daemon) took the token from its cache: no request to the authority',
    );
    expect(hit?.items[1]).toMatch(/^Cached token expires in \d+ (h|min)/);
    expect(hit?.items[2]).toBe('Renewal due 5 min before exp');
  });

  it('past exp: the note says it expired and the daemon asks again', async () => {
    const run = await runScenario(CC_TOKEN_CACHE, {
      decisions: [{ prompt: 'clock', seconds: 7200 }],
    });
    const notes = allNotes(run).filter((n) => n.items[0]?.startsWith('Cache key:'));
    expect(notes.map((n) => n.title)).toEqual([
      "Inventory Sync (daemon)'s token cache is empty: it asks the authority",
      "Inventory Sync (daemon)'s cached token is due for renewal: it asks the authority again",
    ]);
    expect(notes[1]?.items[1]).toMatch(/^Cached token expired .* ago$/);
  });
});

describe('tenant provisioned note', () => {
  it("lists the service principal and app role created in Fabrikam by the admin's consent", async () => {
    const run = await runScenario(ADMIN_CONSENT, { decisions: 'script' });
    const note = allNotes(run).find((n) => n.title.startsWith('Provisioned in Fabrikam'));
    expect(note?.items).toEqual([
      'Service principal created: Contoso Org Chart (appId d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a)',
      'App role assigned: Contoso Org Chart -> Microsoft Graph: User.Read.All',
    ]);
  });
});

describe("a daemon's clock beat", () => {
  it('is time passing, not a user waiting: chip "Time: +5 min", note "Time passes: 5 min"', async () => {
    const run = await runScenario(CC_TOKEN_CACHE, {
      decisions: [{ prompt: 'clock', seconds: 300 }],
    });
    const step = run.steps.find((s) => s.events.some((e) => e.type === 'user.decided'));
    if (!step) throw new Error('no decision step');
    expect(decisionChip(run, step)).toBe('Time: +5 min');
    expect(buildEventNotes(run, step).map((n) => n.title)).toContain('Time passes: 5 min');
  });
});
