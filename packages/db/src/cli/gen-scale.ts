// Builds a large generated database for benchmarks with the demo generator (fresh file, real migrations).
// Usage: pnpm --filter @attentive/db gen:scale --calls 1000000 --agents 1000 --out /tmp/attentive-1m.db [--seed s] [--days 90]
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../client.ts';
import { migrate } from '../migrate.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    agents: { type: 'string', default: '1000' },
    out: { type: 'string', default: '/tmp/attentive-1m.db' },
    seed: { type: 'string' },
    days: { type: 'string', default: '90' }
  }
});
const int = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${v}"`);
  return n;
};
const calls = int('calls', values.calls);
const agents = int('agents', values.agents);
const days = int('days', values.days);
const out = resolve(values.out!);

for (const f of [out, `${out}-wal`, `${out}-shm`]) if (existsSync(f)) rmSync(f);
const t0 = performance.now();
const db = await createDb({ url: `file:${out}` });
await migrate(db);
let last = 0;
const seeded = await seedDemoIfEmpty(db, {
  seed: values.seed,
  calls,
  agents,
  days,
  bulkLoad: true,
  onProgress(done, total) {
    if (done - last >= total / 10 || done === total) {
      last = done;
      process.stdout.write(
        `  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} calls, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`
      );
    }
  }
});
await db.$client.execute('ANALYZE');
await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
db.$client.close();
console.log(`${out}: ${seeded?.summary} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
