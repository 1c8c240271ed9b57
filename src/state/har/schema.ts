// The zod schema of a HAR 1.2 file, as far as the replay reads it; checked against @types/har-format.
import type { Har } from 'har-format';
import { z } from 'zod';
import '../link/schema'; // z.config({ jitless: true }): the CSP forbids eval.

const nameValue = z.object({ name: z.string(), value: z.string() });

const param = z.object({
  name: z.string(),
  value: z.string().optional(),
  fileName: z.string().optional(),
  contentType: z.string().optional(),
});

/** A request body: its text, or its form parameters (HAR 1.2 allows either). */
const postData = z.union([
  // Browsers write both for form posts; the text is the body as sent, so it wins.
  z
    .object({ mimeType: z.string(), text: z.string(), params: z.array(param).optional() })
    .transform(({ mimeType, text }) => ({ mimeType, text })),
  z.object({ mimeType: z.string(), params: z.array(param) }),
]);

const request = z.object({
  method: z.string().min(1),
  url: z.string().min(1),
  httpVersion: z.string(),
  headers: z.array(nameValue),
  queryString: z.array(nameValue),
  cookies: z.array(z.object({ name: z.string(), value: z.string() })),
  headersSize: z.number(),
  bodySize: z.number(),
  postData: postData.optional(),
});

const response = z.object({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  headers: z.array(nameValue),
  cookies: z.array(z.object({ name: z.string(), value: z.string() })),
  content: z.object({
    size: z.number(),
    mimeType: z.string(),
    text: z.string().optional(),
    encoding: z.string().optional(),
  }),
  redirectURL: z.string(),
  headersSize: z.number(),
  bodySize: z.number(),
});

const entry = z.object({
  startedDateTime: z.string().min(1),
  time: z.number(),
  request,
  response,
  cache: z.object({}),
  timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
});

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): `log.version`, `log.creator` and
 * `log.entries`, each entry with the request, response, cache and timings members the spec
 * requires. Unknown members are allowed (browsers add `_initiator`, `_resourceType`...) and
 * dropped. Older `1.1` logs have the same members and are accepted.
 */
export const harSchema = z.object({
  log: z.object({
    version: z.string(),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z.array(entry),
  }),
});

/** A HAR the schema accepted. */
export type ParsedHar = z.output<typeof harSchema>;

/** Compile-time proof that what the schema accepts is a `Har` of @types/har-format. */
export const asHar = (parsed: ParsedHar): Har => parsed;
