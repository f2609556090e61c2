// The shell of every check command (`pnpm audit:verify`, `pnpm scores:verify`): open the configured database,
// run the check, print its message, exit 0 (holds) / 1 (a row differs) / 2 (bad environment).
import type { Db } from '@attentive/db';
import { loadEnv, EnvError } from '../env.ts';
import { openDatabase } from '../open-database.ts';

export async function runCheckCommand(check: (db: Db) => Promise<{ ok: boolean; message: string }>) {
  try {
    const db = await openDatabase(loadEnv());
    const { ok, message } = await check(db);
    (ok ? console.log : console.error)(message);
    db.$client.close();
    process.exit(ok ? 0 : 1);
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}
