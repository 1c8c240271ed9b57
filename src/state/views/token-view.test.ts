// A decoded token as the Tokens tab shows it: claims, times relative to the step, signature.
import { describe, expect, it } from 'vitest';
import { buildStepDetail, buildTokenView } from './index';
import { run } from './runs.test-helpers';

describe('token view', () => {
  it('shows time claims with a relative time against the step time', async () => {
    const cc = await run('cc-secret');
    const step = cc.steps[1];
    const issued = buildStepDetail(cc, 1)?.tokens.find((t) => t.message === 'response');
    if (!step || !issued) throw new Error('client credentials token missing');
    const view = buildTokenView(issued.name, issued.inspection, step.time);
    const exp = view.claims.find((c) => c.name === 'exp');
    expect(exp?.time?.relative).toMatch(/^in \d+ (h|min)/);
    expect(view.claims.find((c) => c.name === 'roles')?.value).toContain('Orders');
    expect(view.versionBadge).toBe('v2.0');
    expect(view.kindLabel).toBe('Access token');
    expect(view.signature.status).toBe('valid');
  });
});
