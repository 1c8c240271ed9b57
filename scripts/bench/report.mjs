// The results table of `npm run bench` and the statistics behind its figures.

/**
 * @typedef {object} Row
 * @property {string} section
 * @property {string} name
 * @property {string} value
 * @property {string} budget
 * @property {string} status
 * @property {string} note
 */

/**
 * @typedef {object} RecordOptions
 * @property {string} [unit]
 * @property {number} [limit] compared with the measured number when given
 * @property {string} [budget] as printed
 * @property {boolean} [higherIsBetter] flips the comparison (fps)
 * @property {string} [note]
 */

/** @type {Row[]} */
const rows = [];

/**
 * Records one figure: a number (compared with `limit` when given) or a string such as 'n/a'.
 * @param {string} section
 * @param {string} name
 * @param {number | string} measured
 * @param {RecordOptions} [options]
 */
export function record(section, name, measured, options = {}) {
  const { unit = '', limit, budget = '', higherIsBetter = false, note = '' } = options;
  let value;
  let status = '';
  if (typeof measured === 'number' && Number.isFinite(measured)) {
    value = `${formatNumber(measured)}${unit ? ` ${unit}` : ''}`;
    if (limit !== undefined) {
      const within = higherIsBetter ? measured >= limit : measured <= limit;
      status = within ? 'within' : 'OVER';
    }
  } else {
    value = String(measured);
    if (limit !== undefined) status = 'n/a';
  }
  rows.push({ section, name, value, budget, status, note });
}

/**
 * Records a figure that could not be measured, with the reason.
 * @param {string} section
 * @param {string} name
 * @param {string} reason
 * @param {RecordOptions} [options]
 */
export function notAvailable(section, name, reason, options = {}) {
  record(section, name, 'n/a', { ...options, note: reason });
}

/** @param {number} n */
export function formatNumber(n) {
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Prints every recorded figure, grouped by section. */
export function printTable() {
  const headers = ['Figure', 'Measured', 'Budget', 'Status', 'Notes'];
  const body = rows.map((r) => [r.name, r.value, r.budget, r.status, r.note]);
  const widths = headers.map((h, i) =>
    Math.min(i === 4 ? 70 : 60, Math.max(h.length, ...body.map((row) => (row[i] ?? '').length))),
  );
  /** @param {string[]} cells */
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  let section = '';
  console.log('');
  console.log(line(headers));
  console.log(rule);
  for (const [i, r] of rows.entries()) {
    if (r.section !== section) {
      section = r.section;
      console.log(`[${section}]`);
    }
    console.log(line(body[i] ?? []));
  }
  console.log('');
  console.log(
    'Budgets: DESIGN.md section 9. Figures are informational; the bench never fails on them.',
  );
}

/**
 * Nearest-rank percentile of an ascending array.
 * @param {number[]} sorted
 * @param {number} p
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

/** @param {number[]} values */
export function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** @param {number[]} values */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/**
 * The first line of an error's message, short enough for the Notes column.
 * @param {unknown} error
 */
export function errorText(error) {
  return (
    (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 160) ?? ''
  );
}

/**
 * Rejects after `ms` with a readable message.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return Promise.race([
    promise,
    /** @type {Promise<never>} */ (
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      })
    ),
  ]).finally(() => clearTimeout(timer));
}
