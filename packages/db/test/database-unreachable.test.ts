import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { isDatabaseUnreachable } from '../src/client.ts';
import { startSqld, type Sqld } from '../src/sqld.ts';

/**
 * What @libsql/client throws when its libSQL server is gone, over both protocols the client speaks: the API's
 * 503 depends on telling these apart from a fault of the statement itself.
 */
let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld();
});
afterAll(() => sqld?.stop());

describe.each(['ws', 'http'])('isDatabaseUnreachable over %s://', (scheme) => {
  it('is true for a refused connection and a transaction cut off mid-way, false for a bad statement; the client works again after a restart', async () => {
    const client = createClient({ url: sqld.url.replace('http', scheme) });
    try {
      const bad = await client.execute('select * from no_such_table').catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(Error);
      expect(isDatabaseUnreachable(bad)).toBe(false);

      const tx = await client.transaction('write');
      await tx.execute('create table if not exists t (x)');
      await sqld.kill();
      const cut = await tx.commit().catch((e: unknown) => e);
      expect(isDatabaseUnreachable(cut)).toBe(true);
      const refused = await client.execute('select 1').catch((e: unknown) => e);
      expect(isDatabaseUnreachable(refused)).toBe(true);

      await sqld.restart();
      expect((await client.execute('select 1 as one')).rows[0]?.one).toBe(1);
    } finally {
      client.close();
    }
  });
});
