// A decoded JWT (or SAML assertion) ready to render: header, claims or elements with explanations and times, signature status.
import type { SignatureStatus, TokenInspection } from '../../engine/wire';
import { formatClock, formatRelative, formatValue } from '../format';

/** One claim row of a decoded token. */
export interface ClaimRow {
  name: string;
  value: string;
  explanation: string;
  /** For time claims: the instant and its distance from the step's simulated time. */
  time: { iso: string; relative: string } | null;
}

/** A decoded JWT ready to render. */
export interface TokenView {
  token: string;
  name: string;
  kindLabel: string;
  /** `v1.0` / `v2.0`, or `null` when the token has no `ver`. */
  versionBadge: string | null;
  summary: string;
  header: { name: string; value: string }[];
  signature: SignatureStatus;
  claims: ClaimRow[];
  /** For a SAML assertion: its version and the XML pretty-printed (rows in `claims` are elements). */
  saml: { version: string; prettyXml: string } | null;
}

const KIND_LABELS: Record<TokenInspection['kind'], string> = {
  access_token: 'Access token',
  id_token: 'ID token',
  client_assertion: 'Client assertion',
  jwt: 'JWT',
  saml_assertion: 'SAML assertion',
};

/** Decodes a token for display; relative times are measured from `now` (simulated epoch seconds). */
export function buildTokenView(name: string, inspection: TokenInspection, now: number): TokenView {
  return {
    token: inspection.token,
    name,
    kindLabel: KIND_LABELS[inspection.kind],
    versionBadge: inspection.version ? `v${inspection.version}` : null,
    summary: inspection.summary,
    header: Object.entries(inspection.header).map(([key, value]) => ({
      name: key,
      value: formatValue(value),
    })),
    signature: inspection.signature,
    saml: inspection.saml
      ? { version: `SAML ${inspection.saml.version}`, prettyXml: inspection.saml.prettyXml }
      : null,
    claims: inspection.claims.map((claim) => ({
      name: claim.name,
      value: formatValue(claim.value),
      explanation: claim.explanation,
      time:
        claim.isTime && typeof claim.value === 'number'
          ? { iso: formatClock(claim.value).iso, relative: formatRelative(claim.value, now) }
          : null,
    })),
  };
}
