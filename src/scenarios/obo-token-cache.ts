// Issue 10 section 5: the middle tier's OBO cache, keyed by the incoming token A, as a what-if of the OBO scenario.
import { DOCS } from '../engine/errors/docs';
import type { ClientParty, ScenarioDefinition, VariantDefinition } from '../engine/index';

/** MSAL renews a cached token 5 minutes before it expires. Seconds. */
const MSAL_REFRESH_MARGIN_SECONDS = 300;

function withSecondCall(s: ScenarioDefinition): ScenarioDefinition {
  const client = s.parties.find((p): p is ClientParty => p.id === 'client' && 'program' in p);
  const first = client?.program.find((a) => a.do === 'call-api');
  if (client && first) client.program = [...client.program, { ...first, id: 'call-api-a-again' }];
  for (const party of s.parties)
    if (party.kind === 'middle-tier-api' && party.obo)
      party.obo.tokenCache = { refreshBeforeExpirySeconds: MSAL_REFRESH_MARGIN_SECONDS };
  s.narration['call-api-a-again'] = {
    request: {
      title: 'The client calls API A again with the same token A',
      text: 'A second request, a moment later, with the same token A in Authorization: Bearer.',
      docs: [DOCS.rfc6750Bearer],
    },
    response: {
      title: 'API A answered from its OBO cache',
      text: 'API A validated token A again, then looked in its OBO cache: MSAL keys it by a hash of the incoming assertion, so the same token A finds the token B obtained a moment ago, still far from exp. No OBO request went to the authority this time ("What happened" on the call to API B shows the cache hit). A different token A (another user, or a renewed token) would miss and trigger a new OBO exchange.',
      docs: [DOCS.tokenCache, DOCS.obo],
    },
    error: {
      title: 'API A refused the second call',
      text: 'See the response and "Why this failed".',
      docs: [DOCS.obo],
    },
  };
  return s;
}

/**
 * What-if: the client calls API A twice with the same token A; API A keeps token B in its OBO
 * cache (keyed by the incoming assertion), so the second call makes no OBO request.
 */
export const OBO_CALLED_TWICE: VariantDefinition = {
  id: 'obo-cache-second-call',
  label: 'The client calls API A twice (OBO cache)',
  description:
    "API A keeps token B as MSAL's acquireTokenOnBehalfOf does, keyed by the hash of token A, until 5 minutes before exp. The client calls API A twice with the same token A: the second call reaches API B with the cached token B, without a second OBO exchange.",
  expect: { httpStatusAtClient: 200 },
  apply: withSecondCall,
};
