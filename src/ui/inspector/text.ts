// Text helpers for the inspector.

/** Upper-cases the first letter: `token A` -> `Token A`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Shortens a long value (a JWT) for a table cell: the start, an ellipsis and the end. */
export function abbreviate(value: string, keep = 24): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-8)}`;
}

/** A stable DOM id for a token card. */
export function tokenAnchorId(token: string): string {
  return `token-${token.slice(-16).replace(/[^A-Za-z0-9_-]/g, '')}`;
}
