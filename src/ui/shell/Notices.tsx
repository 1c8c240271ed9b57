// Dismissible messages for the person, e.g. what a shared link could not restore and why.
import type { ReactElement } from 'react';
import { useAppStore, type AppState } from '../../state/index';

const selectNotices = (s: AppState) => ({ notices: s.notices, dismissNotice: s.dismissNotice });

/** A polite list of notices above the workspace, each with a "Dismiss" button. */
export function Notices(): ReactElement {
  const { notices, dismissNotice } = useAppStore(selectNotices);
  // The live region stays in the page (empty) so that a new notice is announced.
  return (
    <section className="notices" role="status" aria-label="Messages">
      <ul>
        {notices.map((notice) => (
          <li key={notice.id} className="notice">
            <span>{notice.text}</span>
            <button
              type="button"
              className="notice-dismiss"
              aria-label={`Dismiss: ${notice.text}`}
              onClick={() => dismissNotice(notice.id)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
