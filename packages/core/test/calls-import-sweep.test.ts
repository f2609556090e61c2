import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { INTERRUPTED_MESSAGE, sweepInterruptedImports } from '../src/calls/import/sweep-interrupted.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db);
});
afterAll(() => t.cleanup());

const importRow = (id: string, status: 'running' | 'completed') => ({
  id,
  tenantId: org.tenantId,
  kind: 'calls',
  format: 'csv' as const,
  mode: 'skip-invalid' as const,
  source: 'test',
  status,
  rowsProcessed: 500,
  inserted: 500,
  errors: [],
  actor: 'user:test',
  startedAt: new Date('2026-11-20T10:00:00Z'),
  finishedAt: status === 'running' ? null : new Date('2026-11-20T10:01:00Z')
});

describe('imports left running by a stopped server', () => {
  it('are marked failed with what was kept, once, and audited; finished imports are untouched', async () => {
    await t.db.insert(schema.imports).values([importRow('imp-running', 'running'), importRow('imp-done', 'completed')]);
    const now = new Date('2026-11-23T08:00:00Z');
    expect(await sweepInterruptedImports(t.db, now)).toBe(1);
    const [swept] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-running'));
    expect(swept).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE, finishedAt: now, inserted: 500 });
    const [done] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-done'));
    expect(done).toMatchObject({ status: 'completed', message: null });
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, 'imp-running'));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ status: 'failed', reason: 'interrupted' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect(await sweepInterruptedImports(t.db, now)).toBe(0); // nothing left to sweep
  });
});
