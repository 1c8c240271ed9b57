// A list of documentation links (open in a new tab).
import type { ReactElement } from 'react';
import type { DocRef } from '../../engine/index';

/** Renders doc references as links; renders nothing for an empty list. */
export function DocLinks({
  docs,
  label = 'Read more',
}: {
  docs: readonly DocRef[];
  label?: string;
}): ReactElement | null {
  if (docs.length === 0) return null;
  return (
    <div className="doc-links">
      <span className="doc-links-label">{label}:</span>
      <ul>
        {docs.map((doc) => (
          <li key={doc.url + doc.label}>
            <a href={doc.url} target="_blank" rel="noreferrer">
              {doc.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
