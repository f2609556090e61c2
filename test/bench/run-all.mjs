#!/usr/bin/env node
// `pnpm bench`: runs every *.bench.ts of this folder in name order, each in its own process, so one
// benchmark's heap and database never disturb the next. `pnpm bench import` runs only matching files.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const filter = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${filter.join(' ')}`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  // --expose-gc: benchmarks collect garbage between timed steps, so no step pays for the previous one's.
  const r = spawnSync('pnpm', ['exec', 'tsx', '--expose-gc', f], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
