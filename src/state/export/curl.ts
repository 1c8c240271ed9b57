// Export of one request as a curl command line for bash or PowerShell, as Chrome's "Copy as cURL" writes it.
import type { HttpRequest } from '../../engine/index';

/** The shells {@link toCurl} writes for. */
export type CurlShell = 'bash' | 'powershell';

/** C0 and C1 control characters and `!` (history expansion), which Chrome writes as escapes. */
// eslint-disable-next-line no-control-regex
const POSIX_SPECIAL = /[\0-\x1f\x7f-\x9f!]/g;

/**
 * Quotes `value` as one POSIX shell word, the way Chrome DevTools' "Copy as cURL (bash)" does:
 * plain single quotes (`'\''` for a quote inside) unless the value has a control character or `!`;
 * then ANSI-C quoting `$'...'` with `\\`, `\'`, `\n`, `\r` and `\uXXXX` for the rest.
 * `$'\u...'` needs bash 4.2+ (or zsh), and a UTF-8 locale for U+0080..U+009F. A NUL can never
 * reach a program's arguments (argv strings end at NUL), so no quoting can carry it.
 * @see https://www.gnu.org/software/bash/manual/html_node/ANSI_002dC-Quoting.html
 */
export function quoteBash(value: string): string {
  if (!new RegExp(POSIX_SPECIAL.source).test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(POSIX_SPECIAL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `$'${escaped}'`;
}

/** The characters PowerShell reads as a single quote: `'` and the typographic U+2018..U+201B. */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * Quotes `value` as one PowerShell verbatim string: single quotes, in which nothing expands
 * (`$`, backtick and `"` are literal) and a quote is written twice. PowerShell also ends a
 * single-quoted string at the typographic quotes U+2018..U+201B, so those are doubled too.
 * Newlines and other characters stand as they are.
 * @see https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules
 */
export function quotePowerShell(value: string): string {
  return `'${value.replace(POWERSHELL_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** curl's URL globbing reads `[]{}`; a backslash makes them literal (Chrome writes the same). */
function escapeGlob(quotedUrl: string): string {
  return quotedUrl.replace(/[[\]{}]/g, '\\$&');
}

/**
 * The arguments curl gets for `request`, before shell quoting: the URL, `-X` with the method when
 * curl would not infer it (GET without a body, POST with one), `-H` per header (`Name: value`, or
 * `Name;` for an empty value, which curl otherwise drops), and `--data-raw` with the body (raw:
 * no `@file` reading). `Host` and `Content-Length` are left for curl to write, as Chrome does.
 */
export function curlArguments(request: HttpRequest): { flag?: string; value: string }[] {
  const args: { flag?: string; value: string }[] = [{ value: request.url }];
  const inferred = request.body === undefined ? 'GET' : 'POST';
  if (request.method !== inferred) args.push({ flag: '-X', value: request.method });
  for (const [name, value] of Object.entries(request.headers)) {
    if (/^(host|content-length)$/i.test(name)) continue;
    args.push({ flag: '-H', value: value.trim() ? `${name}: ${value}` : `${name};` });
  }
  if (request.body !== undefined) args.push({ flag: '--data-raw', value: request.body });
  return args;
}

/**
 * `request` as a curl command, following Chrome DevTools' "Copy as cURL": the URL first (with
 * `[]{}` backslash-escaped against curl's globbing), `-X` only when needed, `-H` per header,
 * `--data-raw` for the body, one argument a line.
 *
 * - `bash`: `curl`, words quoted by {@link quoteBash}, lines continued with ` \`.
 * - `powershell`: `curl.exe` (in Windows PowerShell `curl` is an alias of Invoke-WebRequest),
 *   words quoted by {@link quotePowerShell}, lines continued with `` ` ``. PowerShell 7.3+ passes
 *   the words to curl.exe as they are; Windows PowerShell 5.1 drops `"` inside arguments
 *   (requests of this app have none outside JSON bodies).
 */
export function toCurl(request: HttpRequest, shell: CurlShell): string {
  const quote = shell === 'bash' ? quoteBash : quotePowerShell;
  const words = curlArguments(request).map(({ flag, value }, i) => {
    const quoted = i === 0 ? escapeGlob(quote(value)) : quote(value);
    return flag ? `${flag} ${quoted}` : quoted;
  });
  const program = shell === 'bash' ? 'curl' : 'curl.exe';
  const continuation = shell === 'bash' ? ' \\\n  ' : ' `\n  ';
  return `${program} ${words.join(continuation)}`;
}
