import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * A fresh database file with the real migrations, for one test suite. Never `:memory:`:
 * libsql gives a transaction its own connection, and an in-memory database has only one.
 */
export async function createTestDb(): Promise<{ db: Db; url: string; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'attentive-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await createDb({ url });
  await migrate(db);
  return {
    db,
    url,
    dir,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
