// When the web app's production build is stale: used by `pnpm start` (scripts/start.mjs) and the
// load benchmark (test/bench/load.bench.ts), which both rebuild it only when a source is newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files below `dir`, leaving out dependencies, dot-folders and builds. */
function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'build') continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The build's entry file under the repository `root`, and whether it must be (re)built: missing, or older
 * than a source of the web app, the API or a package.
 * @param {string} root
 * @returns {{ entry: string, stale: boolean }}
 */
export function webBuild(root) {
  const entry = join(root, 'apps/web/build/index.js');
  const newest = Math.max(...['apps/web/src', 'apps/api/src', 'packages'].map((d) => newestMtime(join(root, d))));
  return { entry, stale: !existsSync(entry) || newest > statSync(entry).mtimeMs };
}
