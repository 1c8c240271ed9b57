// The "What happened" notes of a failed check carry the rule it enforces and its source.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import type { ScenarioId, SimulationRun } from '../engine/index';
import { getScenario } from '../scenarios/index';
import { buildEventNotes } from './events';
import type { EventNote } from './events';

const run = (id: ScenarioId, variant: string) =>
  runScenario(getScenario(id), { variants: [variant], seed: 1, decisions: 'script' });

/** The notes of every step whose title starts with `title`. */
function notesTitled(of: SimulationRun, title: string): EventNote[] {
  return of.steps.flatMap((step) =>
    buildEventNotes(of, step).filter((note) => note.title.startsWith(title)),
  );
}

describe('failed check notes show the rule', () => {
  it('a failed authorize check: the reply URL rule, with the reply URL doc', async () => {
    const [note] = notesTitled(
      await run('auth-code-pkce', 'redirect-not-registered'),
      'Authority check failed: redirect-uri-registered',
    );
    expect(note?.tone).toBe('error');
    expect(note?.rule?.text).toMatch(/^redirect_uri matches a URI registered on the app/);
    expect(note?.rule?.source?.url).toBe(
      'https://learn.microsoft.com/entra/identity-platform/reply-url',
    );
  });

  it('a failed token-endpoint check: the client secret rule', async () => {
    const [note] = notesTitled(
      await run('cc-secret', 'wrong-secret'),
      'Authority check failed: client-secret-valid',
    );
    expect(note?.rule?.text).toBe(
      'A client_secret (body or Basic) equals a registered secret that has not expired.',
    );
  });

  it('a failed API check: the scope-or-role rule, with the protected web API doc', async () => {
    const of = await run('cc-secret', 'no-app-role');
    const [note] = notesTitled(of, 'Orders API check failed: scope-or-role');
    expect(note?.tone).toBe('error');
    expect(note?.items).toEqual([
      'Passed before it: bearer-present, signature, issuer, audience, lifetime',
    ]);
    expect(note?.rule?.text).toMatch(/^A user token \(scp\) carries a scope the API requires/);
    expect(note?.rule?.source?.url).toContain('scenario-protected-web-api-verification');
  });

  it('a failed API lifetime check names the rule on the expired token', async () => {
    const of = await runScenario(getScenario('refresh-token'), { seed: 1, decisions: 'script' });
    const [note] = notesTitled(of, 'Orders API check failed: lifetime');
    expect(note?.rule?.text).toMatch(/within its lifetime/);
  });

  it('a passing step has no rule note', async () => {
    const of = await run('cc-secret', 'no-app-role');
    const notes = of.steps.flatMap((step) => buildEventNotes(of, step));
    expect(notes.filter((n) => n.rule).map((n) => n.title)).toEqual([
      'Orders API check failed: scope-or-role',
    ]);
  });
});
