import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, schema, type Db } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { countRequest, pruneRequestWindows } from '../src/processes/request-window.ts';
import { leaseHeld } from '../src/processes/once.ts';
import { acquireLease, releaseLease } from '../src/processes/lease.ts';

// What several processes count or do once, on a real database: two clients of one database stand for two
// processes (each has its own connections).

let t: Awaited<ReturnType<typeof createTestDb>>;
let other: Db;
const T0 = new Date('2026-12-03T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  t = await createTestDb();
  other = await createDb({ url: t.url });
});
afterAll(async () => {
  other.$client.close();
  await t.cleanup();
});

describe('countRequest', () => {
  it('counts in a fixed window and starts a new one once it has ended', async () => {
    expect(await countRequest(t.db, 'k1', 60_000, at(0))).toEqual({ count: 1, windowStart: at(0) });
    expect(await countRequest(t.db, 'k1', 60_000, at(59_999))).toEqual({ count: 2, windowStart: at(0) });
    expect(await countRequest(t.db, 'k1', 60_000, at(60_000))).toEqual({ count: 1, windowStart: at(60_000) });
    expect(await countRequest(t.db, 'k2', 60_000, at(60_000))).toEqual({ count: 1, windowStart: at(60_000) });
  });

  it('loses no count when two processes count one key at the same moment', async () => {
    const counted = await Promise.all(Array.from({ length: 40 }, (_, i) => countRequest(i % 2 ? other : t.db, 'burst', 60_000, at(0))));
    expect(counted.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('prunes ended windows only', async () => {
    await countRequest(t.db, 'old', 60_000, at(0));
    await countRequest(t.db, 'fresh', 60_000, at(120_000));
    await pruneRequestWindows(t.db, 60_000, at(120_000));
    const keys = (await t.db.select().from(schema.requestWindows)).map((r) => r.key).sort();
    expect(keys).toEqual(['fresh']);
  });
});

describe('leaseHeld', () => {
  it('tells whether somebody holds a lease now, without writing', async () => {
    expect(await leaseHeld(t.db, 'job', at(0))).toBe(false);
    expect(await acquireLease(t.db, 'job', 1000, at(0), 'p1')).toBe(true);
    expect(await leaseHeld(other, 'job', at(999))).toBe(true);
    expect(await leaseHeld(other, 'job', at(1000))).toBe(false);
    await releaseLease(t.db, 'job', 'p1');
    expect(await leaseHeld(other, 'job', at(0))).toBe(false);
  });
});
