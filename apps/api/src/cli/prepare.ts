// Before the server starts: validate the environment, apply migrations, seed the demo contact center
// into an empty database (unless DEMO_DATA=false). Run by `pnpm start`, by every app process of a scale-out
// (README): migrations are safe to race (db/migrate.ts), and the seed runs in one process while the others wait.
import { migrate } from '@attentive/db';
import { runOnceAcrossProcesses } from '@attentive/core/processes/once';
import { seedDemoIfEmpty } from '@attentive/db/demo/seed';
import { loadEnv, EnvError } from '../env.ts';
import { openDatabase } from '../open-database.ts';

try {
  const env = loadEnv();
  const db = await openDatabase(env);
  await migrate(db);
  if (env.DEMO_DATA) {
    // One seeder at a time: the first takes the lease and seeds, the others wait for it and then find the
    // database no longer empty. Ten minutes is far beyond a seed's time; a seeder that dies frees it then.
    const seeded = await runOnceAcrossProcesses(db, 'demo-seed', 10 * 60_000, () =>
      seedDemoIfEmpty(db, { recordingsDir: env.RECORDINGS_DIR, contactKey: env.CONTACT_DATA_KEY })
    );
    if (seeded) console.log(`Seeded the demo contact center: ${seeded.summary}`);
  }
  db.$client.close();
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
