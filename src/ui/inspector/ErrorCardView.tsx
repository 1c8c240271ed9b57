// The "Why this failed" card of an error step: AADSTS code, title, why, how to fix, docs.
import type { ReactElement } from 'react';
import type { ErrorCard } from '../../engine/index';
import { DocLinks } from './DocLinks';

/** Renders the explanation of a failed step. */
export function ErrorCardView({ card }: { card: ErrorCard }): ReactElement {
  return (
    <section className="error-card" aria-labelledby="why-failed">
      <h3 id="why-failed">Why this failed</h3>
      <p className="error-code">
        {card.code !== undefined ? <strong>AADSTS{card.code}</strong> : null}
        {card.error ? <code>{card.error}</code> : null}
        <span className="error-title">{card.title}</span>
      </p>
      <h4>Why</h4>
      <p>{card.why}</p>
      <h4>How to fix</h4>
      <p>{card.fix}</p>
      <DocLinks docs={card.docs} label="Docs" />
    </section>
  );
}
