// A polite live region that announces each newly revealed message, and a prompt waiting for the user.
import type { ReactElement } from 'react';
import { announceStep, selectAnnouncement, useAppStore } from '../../state/index';

/** Visually hidden; screen readers read its text when it changes. */
export function LiveAnnouncer(): ReactElement {
  const { run, cursor } = useAppStore(selectAnnouncement);
  const waiting =
    run?.pendingPrompt && cursor >= run.steps.length - 1 ? ` ${run.result.summary}` : '';
  const message = !run
    ? ''
    : (cursor < 0
        ? `${run.title}: before step 1 of ${run.steps.length}.`
        : announceStep(run, cursor)) + waiting;
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}
