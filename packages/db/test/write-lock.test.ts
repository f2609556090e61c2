import { afterAll, beforeAll, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestDb } from '../src/testing.ts';
import { tenants } from '../src/schema/index.ts';
import { AsyncMutex } from '../src/write-lock.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.cleanup());

it('runs concurrent writing transactions and plain writes one after another, without SQLITE_BUSY', async () => {
  const started = Date.now();
  const txs = Array.from({ length: 8 }, (_, i) =>
    t.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: `tx-${i}`, name: 'x' });
      await new Promise((r) => setTimeout(r, 20)); // hold the write lock across an await
      await tx.insert(tenants).values({ slug: `tx-${i}-b`, name: 'x' });
    })
  );
  const plain = Array.from({ length: 4 }, (_, i) => t.db.insert(tenants).values({ slug: `plain-${i}`, name: 'y' }));
  await Promise.all([...txs, ...plain]);
  const [row] = await t.db.select({ n: count() }).from(tenants);
  expect(row!.n).toBe(20);
  expect(Date.now() - started).toBeLessThan(3000); // far below the 5 s busy timeout
});

it('releases the lock when a transaction rolls back', async () => {
  await expect(
    t.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: 'rolled', name: 'x' });
      throw new Error('boom');
    })
  ).rejects.toThrow('boom');
  await t.db.insert(tenants).values({ slug: 'after-rollback', name: 'x' });
});

it('grants the mutex in request order', async () => {
  const m = new AsyncMutex();
  const order: number[] = [];
  await Promise.all(
    [1, 2, 3].map(async (i) => {
      const r = await m.acquire();
      order.push(i);
      await new Promise((s) => setTimeout(s, 5));
      r();
    })
  );
  expect(order).toEqual([1, 2, 3]);
});
