// Paths, ports and command-line options of `npm run bench`.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
/** Where a fresh build goes when dist/ exists but is stale (dist/ may be served by someone else). */
export const FRESH_DIST = join(ROOT, 'node_modules', '.tmp', 'bench-dist');
/** Scratch space: the engine bundle. */
export const TMP = join(ROOT, 'node_modules', '.tmp', 'bench');
export const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
/**
 * Where the app's build is served (`BENCH_PORT` overrides it). The floors go on 4175; neither
 * collides with the e2e ports (4173 and 4181-4187).
 */
export const PORT = Number(process.env.BENCH_PORT ?? 4174);
export const BASE_URL = `http://localhost:${PORT}/`;
/** Whole-script watchdog: the bench must finish in under 5 minutes (4.5 with the build). */
export const DEADLINE_MS = 270_000;

const argv = process.argv.slice(2);

/** @param {string} name e.g. '--build' */
export function flag(name) {
  return argv.includes(name);
}

const runsArg = argv.indexOf('--runs');
/** Timed runs per scenario of the headless engine (--runs N, at least 10). */
export const ENGINE_RUNS = runsArg >= 0 ? Math.max(10, Number(argv[runsArg + 1]) || 200) : 200;

/** When the bench started (performance.now()). */
export const startedAt = performance.now();

/** Milliseconds left before the watchdog. */
export function remainingMs() {
  return DEADLINE_MS - (performance.now() - startedAt);
}
