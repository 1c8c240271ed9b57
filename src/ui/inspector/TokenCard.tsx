// A decoded JWT or SAML assertion: name, kind, version badge, signature status, claims (or elements) and header (or XML).
import { useId, type ReactElement } from 'react';
import { buildTokenView, type TokenRef } from '../../state/index';
import { capitalise, tokenAnchorId } from './text';

/** Props of {@link TokenCard}. */
export interface TokenCardProps {
  tokenRef: TokenRef;
  /** Simulated time the relative times are measured from (epoch seconds). */
  now: number;
  /** Heading level of the card's title. */
  level?: 3 | 4;
  /** Extra words after the name, e.g. `(incoming assertion)`. */
  role?: string;
  highlighted?: boolean;
  /** Whether the card is the link target of its token (off outside the inspector, e.g. in a dialog). */
  anchored?: boolean;
}

/** Renders one decoded token as a region named by its heading (e.g. "Token B"). */
export function TokenCard({
  tokenRef,
  now,
  level = 3,
  role,
  highlighted,
  anchored = true,
}: TokenCardProps): ReactElement {
  const headingId = useId();
  const view = buildTokenView(tokenRef.name, tokenRef.inspection, now);
  const Heading = level === 3 ? 'h3' : 'h4';
  const valid = view.signature.status === 'valid';
  const notForYou = view.signature.status === 'not-for-you';
  const unknownKey = view.signature.status === 'unknown-key';
  return (
    <section
      className={`token-card${highlighted ? ' is-highlighted' : ''}`}
      aria-labelledby={headingId}
      id={anchored ? tokenAnchorId(tokenRef.token) : undefined}
      tabIndex={anchored ? -1 : undefined}
    >
      <div className="token-card-head">
        <Heading id={headingId} className="token-title">
          {capitalise(view.name)}
          {role ? <span className="token-role"> {role}</span> : null}
        </Heading>
        <div className="badges">
          <span className="badge badge-kind">{view.kindLabel}</span>
          {view.saml ? <span className="badge badge-version">{view.saml.version}</span> : null}
          {view.versionBadge ? (
            <span className="badge badge-version" title="Access token format (ver claim)">
              {view.versionBadge}
            </span>
          ) : null}
          <span
            className={`badge ${valid ? 'badge-ok' : notForYou ? 'badge-kind' : unknownKey ? 'badge-unverified' : 'badge-error'}`}
            title={view.signature.detail}
          >
            {valid
              ? 'Signature verified'
              : notForYou
                ? 'Not for you to validate'
                : unknownKey
                  ? 'Cannot verify offline'
                  : 'Signature invalid'}
          </span>
        </div>
      </div>
      <p className="token-summary">{view.summary}</p>
      <p className="token-where muted">
        Found in: {tokenRef.location}. {view.signature.detail}
      </p>
      <table className={view.saml ? 'claims-table saml-elements' : 'claims-table'}>
        <caption className="sr-only">
          {view.saml ? 'Elements' : 'Claims'} of {view.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">{view.saml ? 'Element' : 'Claim'}</th>
            <th scope="col">Value and meaning</th>
          </tr>
        </thead>
        <tbody>
          {view.claims.map((claim) => (
            <tr key={`${claim.name} ${claim.value}`}>
              <th scope="row">
                <code>{claim.name}</code>
              </th>
              <td className="claim-value">
                <code>{claim.value}</code>
                {claim.time ? (
                  <span className="claim-time">
                    <time dateTime={claim.time.iso}>{claim.time.iso}</time>{' '}
                    <span className="relative">({claim.time.relative})</span>
                  </span>
                ) : null}
                <span className="claim-explanation">{claim.explanation}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.saml ? (
        <details className="token-extra">
          <summary>Assertion XML (pretty-printed)</summary>
          <pre className="raw raw-token" aria-label={`XML of ${view.name}`}>
            {view.saml.prettyXml}
          </pre>
          <p className="muted">As it travelled ({tokenRef.location}):</p>
          <pre className="raw raw-token">{view.token}</pre>
        </details>
      ) : null}
      <details className="token-extra" hidden={view.saml !== null}>
        <summary>JOSE header and encoded token</summary>
        <table className="kv-table">
          <caption className="sr-only">Header of {view.name}</caption>
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {view.header.map((entry) => (
              <tr key={entry.name}>
                <th scope="row">
                  <code>{entry.name}</code>
                </th>
                <td>
                  <code>{entry.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <pre className="raw raw-token">{view.token}</pre>
      </details>
    </section>
  );
}
