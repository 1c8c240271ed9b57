// HTML responses: the document shell, escaping, and the plain pages a party answers with.
import type { HttpResponse } from './message';
import { statusText } from './message';

/** The `Content-Type` of every HTML page the parties serve. */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Escapes `& < > " '` for HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** An HTML document: doctype, `<title>` and `body` (both inserted as given: escape them first). */
export function htmlDocument(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * An HTML response with status `status` and `body`; `headers` follow `Content-Type` (e.g.
 * `Cache-Control`, `Set-Cookie`).
 */
export function htmlResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    statusText: statusText(status),
    headers: { 'Content-Type': HTML_CONTENT_TYPE, ...headers },
    body,
  };
}

/**
 * A plain page: `title` as the document title and heading, `text` preformatted below it (`<`
 * escaped, so a message cannot open a tag). The pages an app shows its user.
 */
export function textPage(
  status: number,
  title: string,
  text: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return htmlResponse(
    status,
    htmlDocument(title, `<h1>${title}</h1><pre>${text.replace(/</g, '&lt;')}</pre>`),
    headers,
  );
}
