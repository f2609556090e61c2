// Before the server starts: validate the environment, apply migrations, seed the demo contact center
// into an empty database (unless DEMO_DATA=false). Run by `pnpm start`.
import { migrate } from '@attentive/db';
import { seedDemoIfEmpty } from '@attentive/db/demo/seed';
import { loadEnv, EnvError } from '../env.ts';
import { openDatabase } from '../open-database.ts';

try {
  const env = loadEnv();
  const db = await openDatabase(env);
  await migrate(db);
  if (env.DEMO_DATA) {
    const seeded = await seedDemoIfEmpty(db, { recordingsDir: env.RECORDINGS_DIR, contactKey: env.CONTACT_DATA_KEY });
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
