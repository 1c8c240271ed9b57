// The header's "Import HAR" button and its dialog, which loads (with the parser) only when opened.
import { lazy, Suspense, useState, type ReactElement } from 'react';

const HarImportDialog = lazy(() =>
  import('./HarImportDialog').then((m) => ({ default: m.HarImportDialog })),
);

/** A header button named "Import HAR" that opens the "Import a HAR file" dialog. */
export function HarImportButton(): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="header-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Import HAR
      </button>
      {open ? (
        <Suspense fallback={null}>
          <HarImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
