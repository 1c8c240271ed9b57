// The Request tab: request line, bearer token, decoded form/query parameters, raw request.
import type { ReactElement } from 'react';
import type { RequestView } from '../../state/index';
import { ParamTable } from './ParamTable';
import { TokenButton } from './TokenButton';

/** Renders the HTTP request of a step. */
export function RequestPanel({
  view,
  onShowToken,
}: {
  view: RequestView;
  onShowToken: (token: string) => void;
}): ReactElement {
  return (
    <div className="http-panel">
      <p className="request-line">
        <code>{view.requestLine}</code>
      </p>
      {view.bearer ? (
        <div className="callout">
          <code>Authorization: Bearer …</code> carries <strong>{view.bearer.name}</strong>.{' '}
          <TokenButton tokenRef={view.bearer} onShow={onShowToken} />
        </div>
      ) : view.authorizationScheme?.toLowerCase() === 'basic' ? (
        <div className="callout">
          <code>Authorization: Basic …</code> carries the client id and secret (base64 of{' '}
          <code>id:secret</code>, RFC 6749 section 2.3.1).
        </div>
      ) : null}
      {view.unsignedUser ? (
        <div className="callout">
          <code>
            {view.unsignedUser.header}: {view.unsignedUser.user}
          </code>{' '}
          names the user outside the token: nobody signed it, and the token proves only the calling
          app. {view.unsignedUser.api} takes the app&apos;s word for it (a trusted subsystem).
        </div>
      ) : null}
      {view.form ? (
        <ParamTable
          title="Form body, decoded (one parameter a row)"
          rows={view.form}
          onShowToken={onShowToken}
        />
      ) : null}
      {view.query.length > 0 ? (
        <ParamTable
          title="Query parameters, decoded (one a row)"
          rows={view.query}
          onShowToken={onShowToken}
        />
      ) : null}
      {view.json ? (
        <>
          <h3>JSON body</h3>
          <pre className="raw">{view.json}</pre>
        </>
      ) : null}
      <h3>Raw request</h3>
      <pre className="raw" tabIndex={0} aria-label="Raw request">
        {view.raw}
      </pre>
    </div>
  );
}
