// What the Share dialog hands out: the link, the embed link, the iframe code and a Markdown fallback.
import { encodeLinkState } from './codec';
import type { EmbedOptions, LinkState } from './schema';

/**
 * The link to `state` on the page at `base` (its URL without fragment, e.g.
 * `https://sim.contoso.example/`). Without `includeStep` the link opens before step 1 (with the
 * same answers, so the same run). Embed options are never part of a plain link.
 */
export function buildShareLink(base: string, state: LinkState, includeStep: boolean): string {
  const { embed: _embed, ...rest } = state;
  return `${base}#${encodeLinkState({ ...rest, step: includeStep ? state.step : -1 })}`;
}

/**
 * The link an embedded player opens: `state` with `embed` options. The player starts before the
 * range's first step (`embed.from`, 0-based) and on the Narration tab.
 */
export function buildEmbedLink(base: string, state: LinkState, embed: EmbedOptions): string {
  const start = embed.from === undefined ? -1 : embed.from - 1;
  return `${base}#${encodeLinkState({ ...state, step: start, tab: 'narration', embed })}`;
}

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Size of an embed in CSS pixels. */
export interface EmbedSize {
  width: number;
  height: number;
}

/**
 * Ready-to-paste `<iframe>` HTML for `url`: a `title` for screen readers, width and height,
 * `loading="lazy"`, and a sandbox that allows scripts, plus popups that escape the sandbox so
 * "Open in the simulator" can open the full app in a new tab (nothing else: no same-origin
 * access, no top navigation, no forms).
 */
export function buildEmbedCode(url: string, title: string, size: EmbedSize): string {
  return `<iframe src="${attribute(url)}" title="${attribute(title)}" width="${size.width}" height="${size.height}" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" style="border:1px solid #cbd5e1;border-radius:8px"></iframe>`;
}

/** A Markdown link to the full app at the same state, for pages that do not allow iframes. */
export function buildMarkdownLink(url: string, title: string): string {
  const text = title.replace(/([\\[\]])/g, '\\$1');
  return `[${text}](${url.replaceAll('(', '%28').replaceAll(')', '%29')})`;
}
