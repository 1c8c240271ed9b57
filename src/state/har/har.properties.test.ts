// fast-check properties of the HAR importer: any text, any JSON and any HAR-shaped log give a
// replay or a problem, never an exception; a replay has two steps per request, in time order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as engine from '../../engine/index';
import { importHar, readHar } from './index';

const header = fc.record({
  name: fc.constantFrom('Authorization', 'Cookie', 'Content-Type', 'Location', 'X-Other', ':path'),
  value: fc.oneof(
    fc.string(),
    fc.constant('Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4Iiwic2NwIjoiYSJ9.c2ln'),
    fc.constant('application/x-www-form-urlencoded'),
  ),
});

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    'https://login.microsoftonline.com/t/oauth2/v2.0/authorize?client_id=a&state=s',
    'https://graph.microsoft.com/v1.0/me',
    'http://localhost/?code=abc&state=s',
  ),
  fc.string(),
);

const body = fc.oneof(
  fc.string(),
  fc.constant(
    'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&requested_token_use=on_behalf_of&assertion=eyJhbGciOiJub25lIn0.eyJ4Ijp9.',
  ),
  fc.constant(
    '{"error":"invalid_grant","error_description":"AADSTS50079: x","error_codes":[50079]}',
  ),
  fc.constant(
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJ2ZXIiOiIyLjAiLCJyb2xlcyI6WyJhIl19.c2ln","refresh_token":"0.AX"}',
  ),
  fc.json(),
);

const entry = fc.record({
  startedDateTime: fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string(),
  ),
  time: fc.oneof(fc.nat(), fc.double()),
  request: fc.record({
    method: fc.constantFrom('GET', 'POST', 'OPTIONS', 'PUT', 'get'),
    url,
    httpVersion: fc.constant('HTTP/2'),
    headers: fc.array(header, { maxLength: 4 }),
    queryString: fc.constant([]),
    cookies: fc.constant([]),
    headersSize: fc.integer(),
    bodySize: fc.integer(),
    postData: fc.option(
      fc.record({ mimeType: fc.constant('application/x-www-form-urlencoded'), text: body }),
      { nil: undefined },
    ),
  }),
  response: fc.record({
    status: fc.constantFrom(0, 200, 302, 400, 401, 500),
    statusText: fc.string(),
    httpVersion: fc.constant('HTTP/2'),
    headers: fc.array(header, { maxLength: 4 }),
    cookies: fc.constant([]),
    content: fc.record({
      size: fc.integer(),
      mimeType: fc.constantFrom('application/json', 'text/html', 'image/png'),
      text: fc.option(body, { nil: undefined }),
      encoding: fc.option(fc.constant('base64'), { nil: undefined }),
    }),
    redirectURL: fc.string(),
    headersSize: fc.integer(),
    bodySize: fc.integer(),
  }),
  cache: fc.constant({}),
  timings: fc.record({ send: fc.nat(), wait: fc.nat(), receive: fc.nat() }),
});

const harLog = fc
  .array(entry, { maxLength: 8 })
  .map((entries) =>
    JSON.stringify({ log: { version: '1.2', creator: { name: 'fc', version: '1' }, entries } }),
  );

describe('the HAR importer never throws', () => {
  it('reads any text into a log or a problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), harLog), (text) => {
        const result = readHar(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('turns any HAR-shaped log into a replay (two steps per request, in time order) or a problem', async () => {
    let replays = 0;
    await fc.assert(
      fc.asyncProperty(harLog, fc.boolean(), async (text, showSecrets) => {
        const result = await importHar(text, 'fc.har', engine);
        if (result.ok) replays += 1;
        if (!result.ok) {
          expect(result.problem.message.length).toBeGreaterThan(0);
          return;
        }
        const run = result.input.render({ names: {}, showSecrets, scenarioId: 'obo-secret' });
        const requests = run.steps.filter((s) => s.kind === 'request').length;
        expect(run.steps.length).toBe(2 * requests);
        run.steps.forEach((step, i) => expect(step.index).toBe(i));
        const times = run.steps.map((step) => step.time);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
    // The generator reaches the replay itself, not only the refusals.
    expect(replays).toBeGreaterThan(10);
  });
});
