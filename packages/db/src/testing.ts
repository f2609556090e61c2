import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';
import { startSqld, type Sqld } from './sqld.ts';

/** Which database the suites run on: an embedded file (default) or a fresh sqld server (ATTENTIVE_TEST_DB=sqld). */
// eslint-disable-next-line no-restricted-properties -- test harness only: vitest projects pick the database (apps/api/vitest.config.ts)
export const testDatabaseKind = (): 'file' | 'sqld' => (process.env.ATTENTIVE_TEST_DB === 'sqld' ? 'sqld' : 'file');

export type TestDb = { db: Db; url: string; dir: string; sqld: Sqld | null; cleanup: () => Promise<void> };

/**
 * A fresh database with the real migrations, for one test suite: a file in a temporary folder, or, when
 * ATTENTIVE_TEST_DB=sqld, a libSQL server of its own started here and stopped by `cleanup`. Never
 * `:memory:`: libsql gives a transaction its own connection, and an in-memory database has only one.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'attentive-test-'));
  const sqld = testDatabaseKind() === 'sqld' ? await startSqld({ dir }) : null;
  const url = sqld ? sqld.url.replace('http:', 'ws:') : `file:${join(dir, 'test.db')}`;
  const db = await createDb({ url });
  await migrate(db);
  return {
    db,
    url,
    dir,
    sqld,
    cleanup: async () => {
      db.$client.close();
      await sqld?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
