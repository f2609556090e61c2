import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '../src/testing.ts';
import { createFixtureOrg } from '../src/fixtures.ts';
import { calls } from '../src/schema/index.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.cleanup());

it('builds an isolated org per call, with foreign keys enforced', async () => {
  const a = await createFixtureOrg(t.db, { callsPerAgent: 2 });
  const b = await createFixtureOrg(t.db, { callsPerAgent: 1 });
  const [ca] = await t.db.select({ n: count() }).from(calls).where(eq(calls.tenantId, a.tenantId));
  const [cb] = await t.db.select({ n: count() }).from(calls).where(eq(calls.tenantId, b.tenantId));
  expect([ca!.n, cb!.n]).toEqual([8, 4]);
  await expect(t.db.insert(calls).values({ ...a.calls[0]!, id: undefined, externalId: 'x', agentId: 999999 })).rejects.toThrow();
});
