// The Request tab of the trusted subsystem: the user named in the header the API trusts is shown
// as outside the token and unsigned; the delegated version has no such header.
import { describe, expect, it } from 'vitest';
import { buildStepDetail } from './index';
import { run } from './runs.test-helpers';

async function apiCallRequest(variants: string[] = []) {
  const trace = await run('trusted-subsystem', { variants, decisions: 'script' });
  const index = trace.steps.findIndex(
    (s) => s.kind === 'request' && s.from === 'web-app' && s.to === 'orders-api',
  );
  return buildStepDetail(trace, index)?.request;
}

describe('Request tab: a user named outside the token (trusted subsystem)', () => {
  it("names the header, the user and the API that trusts the app's word for it", async () => {
    const request = await apiCallRequest();
    expect(request?.unsignedUser).toEqual({
      header: 'X-On-Behalf-Of-User',
      user: 'ada@contoso.onmicrosoft.com',
      api: 'Orders API',
    });
    expect(request?.authorizationScheme).toBe('Bearer');
  });

  it('the delegated version sends no such header: nothing to flag', async () => {
    expect((await apiCallRequest(['delegated-instead']))?.unsignedUser).toBeNull();
  });
});
