// The Response tab: status, WWW-Authenticate challenge, tokens carried, raw response (pretty JSON).
import type { ReactElement } from 'react';
import type { ResponseView, TokenRef } from '../../state/index';
import { TokenButton } from './TokenButton';

/** Renders the HTTP response of a step, or says where it is for a request step. */
export function ResponsePanel({
  view,
  tokens,
  onShowToken,
}: {
  view: ResponseView | null;
  tokens: TokenRef[];
  onShowToken: (token: string) => void;
}): ReactElement {
  if (!view) {
    return (
      <p className="muted">
        This step is a request on its way. Its response is the next message of this exchange.
      </p>
    );
  }
  const issued = tokens.filter((t) => t.message === 'response');
  return (
    <div className="http-panel">
      <p className={`status-line ${view.ok ? 'is-ok' : 'is-error'}`}>
        <strong>
          {view.status} {view.statusText}
        </strong>
      </p>
      {view.wwwAuthenticate ? (
        <div className="callout callout-warning">
          <h3>WWW-Authenticate header</h3>
          <code className="wrap">{view.wwwAuthenticate}</code>
        </div>
      ) : null}
      {issued.length > 0 ? (
        <ul className="token-links">
          {issued.map((ref) => (
            <li key={ref.token}>
              <code>{ref.location}</code>: <TokenButton tokenRef={ref} onShow={onShowToken} />
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Raw response{view.bodyIsJson ? ' (JSON body pretty-printed)' : ''}</h3>
      <pre className="raw" tabIndex={0} aria-label="Raw response">
        {view.raw}
      </pre>
    </div>
  );
}
