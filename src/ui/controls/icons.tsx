// Small decorative icons for the step controls.
import type { ReactElement } from 'react';

/** Names of the control icons. */
export type ControlIconName = 'reset' | 'previous' | 'play' | 'pause' | 'next';

const SHAPES: Record<ControlIconName, ReactElement> = {
  // A circular arrow (start over), unlike Previous's single triangle even at small sizes.
  reset: <path d="M12 4a8 8 0 1 1-7.75 10h2.1A6 6 0 1 0 12 6v3.5L6.5 5 12 .5V4z" />,
  previous: <path d="M17 5l-10 7 10 7V5z" />,
  play: <path d="M7 5l12 7-12 7V5z" />,
  pause: <path d="M7 5h4v14H7zM14 5h4v14h-4z" />,
  next: <path d="M7 5l10 7-10 7V5z" />,
};

/** A filled 20px icon; hidden from assistive technology (the button has a name). */
export function ControlIcon({ name }: { name: ControlIconName }): ReactElement {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
