// What a party's endpoint answers to one request: the response, the events that explain it, and why it failed.
import type { AadstsCode } from '../errors';
import type { HttpResponse } from '../http/message';
import type { ErrorCard, TraceEvent } from './trace';

/** An AADSTS failure of an authority endpoint: the catalogue code and its message placeholders. */
export interface EndpointFailure {
  code: AadstsCode;
  /** Values for the catalogue's `{placeholders}` (message, why, fix). */
  args: Record<string, string | undefined>;
}

/**
 * What every endpoint of every party returns (token and authorize endpoints, discovery, resource
 * APIs, web apps), and what the simulated network records as a response step:
 * - `response`: the HTTP response value;
 * - `events`: trace events that explain it, attached to the response step;
 * - `failure`: the AADSTS failure behind an authority error, which the simulation turns into the
 *   step's error card from the catalogue;
 * - `error`: an error card the party wrote itself (bearer rejections, client-side errors), which
 *   marks the step as an error whatever its status.
 */
export interface EndpointResult {
  response: HttpResponse;
  events?: TraceEvent[];
  failure?: EndpointFailure;
  error?: ErrorCard;
}
