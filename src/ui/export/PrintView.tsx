// Every step on one page: narration, request, response and decoded tokens, printable to PDF.
import { useEffect, useRef, type ReactElement } from 'react';
import type { SimulationRun } from '../../engine/index';
import { buildStepDetail, buildTokenView, partyLabel } from '../../state/index';

/** Props of {@link PrintView}. */
export interface PrintViewProps {
  run: SimulationRun;
  /** The last step to include (the run so far). */
  upTo: number;
  onClose: () => void;
}

/**
 * A full-page document of the run so far, in the manner of the Illustrated TLS connection:
 * every message with its narration, raw request and response, error card and each JWT decoded.
 * "Print" opens the browser's print dialog (save as PDF); the print stylesheet hides the app.
 * Rendered into `document.body` (a portal), beside the inert app.
 */
export function PrintView({ run, upTo, onClose }: PrintViewProps): ReactElement {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The page behind is inert while the document of steps is open.
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    heading.current?.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      app?.removeAttribute('inert');
    };
  }, [onClose]);
  const steps = run.steps.slice(0, upTo + 1);
  return (
    <div className="print-view" role="document" aria-labelledby="print-title">
      <div className="print-actions">
        <button type="button" className="control control-primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="control" onClick={onClose}>
          Close
        </button>
      </div>
      <h1 id="print-title" ref={heading} tabIndex={-1}>
        {run.title}
      </h1>
      <p className="print-meta">
        {run.variants.length > 0 ? `What-ifs: ${run.variants.join(', ')}. ` : ''}
        Seed {run.seed}. {steps.length} of {run.steps.length} messages. {run.result.summary}
      </p>
      <p className="print-meta">
        Parties: {run.parties.map((p) => `${p.label}${p.url ? ` (${p.url})` : ''}`).join('; ')}.
      </p>
      {steps.map((step) => {
        const detail = buildStepDetail(run, step.index);
        if (!detail) return null;
        return (
          <section
            key={step.index}
            className={`print-step outcome-${step.outcome}`}
            aria-labelledby={`print-step-${step.index}`}
          >
            <h2 id={`print-step-${step.index}`}>
              {detail.number}. {partyLabel(run, step.from)} → {partyLabel(run, step.to)}:{' '}
              <code>{detail.shortLabel}</code>
            </h2>
            <h3>{detail.narration.title}</h3>
            <p>{detail.narration.text}</p>
            {detail.error ? (
              <div className="print-error">
                <strong>
                  {detail.error.code ? `AADSTS${detail.error.code} ` : ''}
                  {detail.error.title}
                </strong>
                <p>Why: {detail.error.why}</p>
                <p>How to fix: {detail.error.fix}</p>
              </div>
            ) : null}
            <pre className="raw">
              {step.kind === 'request' ? detail.request.raw : detail.response?.raw}
            </pre>
            {detail.tokens
              .filter((ref) => ref.message === step.kind)
              .map((ref) => {
                const view = buildTokenView(ref.name, ref.inspection, step.time);
                return (
                  <table key={ref.token} className="print-token">
                    <caption>
                      {view.name}: {view.kindLabel} {view.versionBadge ?? ''} ({ref.location}).{' '}
                      {view.summary}
                    </caption>
                    <tbody>
                      {view.header.map((h) => (
                        <tr key={`h-${h.name}`}>
                          <th scope="row">header {h.name}</th>
                          <td>
                            <code>{h.value}</code>
                          </td>
                          <td />
                        </tr>
                      ))}
                      {view.claims.map((c) => (
                        <tr key={c.name}>
                          <th scope="row">{c.name}</th>
                          <td>
                            <code>{c.value}</code>
                            {c.time ? ` (${c.time.iso}, ${c.time.relative})` : ''}
                          </td>
                          <td>{c.explanation}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              })}
          </section>
        );
      })}
    </div>
  );
}
