// The build the bench measures and the `vite preview` server that serves it.
//
// `dist/` is measured when it is up to date; it is built when missing, and when stale a fresh build
// goes to node_modules/.tmp/bench-dist instead (never rewriting a dist/ someone may be serving).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, FRESH_DIST, ROOT, VITE, flag } from './options.mjs';

/**
 * Newest modification time under `path` (0 when it does not exist).
 * @param {string} path
 * @returns {number}
 */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Runs a command in the repository; resolves with its output, rejects when it fails.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<string>}
 */
export function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output.slice(-400)}`)),
    );
  });
}

/**
 * Makes sure an up-to-date build exists.
 * @returns {Promise<{ dir: string, note: string }>} the build to measure, and how it came about
 */
export async function ensureBuild() {
  const indexHtml = join(DIST, 'index.html');
  const builtAt = existsSync(indexHtml) ? statSync(indexHtml).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(join(ROOT, 'src')),
    newestMtime(join(ROOT, 'index.html')),
    newestMtime(join(ROOT, 'public')),
    newestMtime(join(ROOT, 'vite.config.ts')),
  );
  if (!flag('--build') && builtAt > 0 && builtAt >= sourcesAt) {
    return { dir: DIST, note: 'existing dist/' };
  }
  const freshIndex = join(FRESH_DIST, 'index.html');
  if (!flag('--build') && existsSync(freshIndex) && statSync(freshIndex).mtimeMs >= sourcesAt) {
    return {
      dir: FRESH_DIST,
      note: 'dist/ is stale: measured the up-to-date node_modules/.tmp/bench-dist/',
    };
  }
  const reason =
    builtAt === 0 ? 'dist/ missing' : flag('--build') ? '--build' : 'dist/ older than sources';
  const dir = builtAt === 0 ? DIST : FRESH_DIST;
  const where = dir === DIST ? 'dist/' : 'node_modules/.tmp/bench-dist/';
  console.log(`Building the app into ${where} (${reason})...`);
  const t0 = performance.now();
  await run(process.execPath, [
    VITE,
    'build',
    '--logLevel',
    'warn',
    '--outDir',
    dir,
    '--emptyOutDir',
  ]);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  return { dir, note: `built into ${where} in ${seconds} s (${reason})` };
}

/**
 * Serves `dir` with `vite preview` on `port`; resolves once `page` answers (the server is stopped
 * when it does not).
 * @param {string} dir
 * @param {number} port
 * @param {string} [page] path of a page in `dir`
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function startPreview(dir, port, page = '') {
  const url = `http://localhost:${port}/${page}`;
  const child = spawn(
    process.execPath,
    [VITE, 'preview', '--port', String(port), '--strictPort', '--outDir', dir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  /** @type {Promise<never>} */
  const exited = new Promise((_, reject) =>
    child.on('exit', (code) =>
      reject(new Error(`vite preview exited (${code}): ${output.slice(-300)}`)),
    ),
  );
  const ready = (async () => {
    for (let i = 0; i < 100; i += 1) {
      try {
        const response = await fetch(url);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`vite preview did not answer on ${url}: ${output.slice(-300)}`);
  })();
  exited.catch(() => {});
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGTERM');
    throw error;
  }
  return child;
}
