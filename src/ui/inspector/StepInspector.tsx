// The inspector for one step: header, then Narration / Request / Response / Tokens tabs.
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import type { InspectorTab, StepDetail } from '../../state/index';
import { CompareTokens } from './CompareTokens';
import { DocLinks } from './DocLinks';
import { ErrorCardView } from './ErrorCardView';
import { EventNotes } from './EventNotes';
import { RequestPanel } from './RequestPanel';
import { ResponsePanel } from './ResponsePanel';
import { Tabs, type TabItem } from './Tabs';
import { TokenCard } from './TokenCard';
import { tokenAnchorId } from './text';
import { scrollWithinPanel } from '../scroll';

// Copying a request (curl, MSAL code) loads on demand.
const RequestActions = lazy(() =>
  import('../export/RequestActions').then((m) => ({ default: m.RequestActions })),
);

/** Props of {@link StepInspector}. */
export interface StepInspectorProps {
  detail: StepDetail;
  total: number;
  following: boolean;
  tab: InspectorTab;
  focusedToken: string | null;
  onSelectTab: (tab: InspectorTab) => void;
  onShowToken: (token: string) => void;
  onFollow: () => void;
}

/** Renders everything about one step. */
export function StepInspector({
  detail,
  total,
  following,
  tab,
  focusedToken,
  onSelectTab,
  onShowToken,
  onFollow,
}: StepInspectorProps): ReactElement {
  const { step } = detail;
  const tabs: TabItem<InspectorTab>[] = [
    { id: 'narration', label: 'Narration' },
    { id: 'request', label: 'Request' },
    { id: 'response', label: 'Response' },
    {
      id: 'tokens',
      label: (
        <>
          Tokens <span className="tab-count">{detail.tokens.length}</span>
        </>
      ),
    },
  ];
  useEffect(() => {
    if (tab !== 'tokens' || !focusedToken) return;
    const card = document.getElementById(tokenAnchorId(focusedToken));
    scrollWithinPanel(card, 'start');
    card?.focus({ preventScroll: true });
  }, [tab, focusedToken, detail]);
  return (
    <div className={`step-inspector outcome-${step.outcome}`}>
      <div className="inspector-head">
        <h2 className="inspector-title">
          Step {detail.number} of {total}: {detail.fromLabel} <span aria-hidden="true">→</span>
          <span className="sr-only">to</span> {detail.toLabel}
        </h2>
        <p className="inspector-sub">
          <span className={`outcome-badge outcome-${step.outcome}`}>
            {step.kind === 'request'
              ? 'Request'
              : step.outcome === 'error'
                ? 'Error'
                : step.outcome === 'redirect'
                  ? 'Redirect'
                  : 'Response'}
          </span>{' '}
          <code title={step.label}>{detail.shortLabel}</code>{' '}
          <span className="muted">
            at <time dateTime={detail.clock.iso}>{detail.clock.time}</time>
          </span>
        </p>
        {!following ? (
          <button type="button" className="link-button" onClick={onFollow}>
            Back to the current step
          </button>
        ) : null}
      </div>
      <Tabs
        label="Step details"
        tabs={tabs}
        selected={tab}
        onSelect={onSelectTab}
        idPrefix="inspector"
      >
        {tab === 'narration' ? (
          <div className="narration">
            <h3>{detail.narration.title}</h3>
            <p className="narration-text">{detail.narration.text}</p>
            <DocLinks docs={detail.narration.docs} />
            {detail.error ? <ErrorCardView card={detail.error} /> : null}
            <EventNotes notes={detail.events} />
            {detail.comparison ? <CompareTokens comparison={detail.comparison} /> : null}
          </div>
        ) : tab === 'request' ? (
          <>
            <RequestPanel view={detail.request} onShowToken={onShowToken} />
            <Suspense fallback={null}>
              <RequestActions step={step} />
            </Suspense>
          </>
        ) : tab === 'response' ? (
          <ResponsePanel view={detail.response} tokens={detail.tokens} onShowToken={onShowToken} />
        ) : detail.tokens.length === 0 ? (
          <p className="muted">This message carries no JWT.</p>
        ) : (
          <div className="token-list">
            {detail.tokens.map((ref) => (
              <TokenCard
                key={ref.token}
                tokenRef={ref}
                now={step.time}
                highlighted={ref.token === focusedToken}
                role={
                  detail.comparison?.a.token === ref.token
                    ? '(incoming assertion)'
                    : detail.comparison?.b.token === ref.token
                      ? '(issued on behalf of the user)'
                      : undefined
                }
              />
            ))}
          </div>
        )}
      </Tabs>
    </div>
  );
}
