// The Response tab: status, redirect Location decoded, HTML page kind, WWW-Authenticate challenge,
// tokens carried, raw response (pretty JSON).
import type { ReactElement } from 'react';
import type { ResponseView, TokenRef } from '../../state/index';
import { ParamTable } from './ParamTable';
import { TokenButton } from './TokenButton';

const ERROR_PARAMS = ['error', 'error_description', 'error_codes', 'state'];

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
      {view.location ? (
        <div className={`callout${view.location.isError ? ' callout-error' : ' callout-redirect'}`}>
          <h3>
            {view.location.isError ? 'Redirect back with an error to ' : 'Redirect to '}
            <code className="wrap">{view.location.target}</code>
          </h3>
          {view.location.params.length > 0 ? (
            <ParamTable
              title="Location query parameters, decoded (one a row)"
              rows={view.location.params}
              onShowToken={onShowToken}
              emphasise={view.location.isError ? ERROR_PARAMS : []}
            />
          ) : (
            <p className="muted">No query parameters.</p>
          )}
        </div>
      ) : null}
      {view.page ? (
        <div className={`callout callout-page page-${view.page.kind}`}>
          <h3>HTML page: {view.page.label}</h3>
          <p>{view.page.summary}</p>
          {view.page.fields.length > 0 ? (
            <ParamTable
              title={view.page.kind === 'consent' ? 'Permissions on the page' : 'Form fields'}
              nameHeader={view.page.kind === 'consent' ? 'Permission' : 'Field'}
              rows={view.page.fields}
              onShowToken={onShowToken}
            />
          ) : null}
          <h4>Page text</h4>
          <pre className="raw page-text" aria-label="Page text">
            {view.page.text || '(no visible text: the page submits itself)'}
          </pre>
        </div>
      ) : null}
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
