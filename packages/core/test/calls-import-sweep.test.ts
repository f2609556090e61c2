import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { sweepInterruptedImports } from '../src/calls/import/sweep-interrupted.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db);
});
afterAll(() => t.cleanup());

/** An imports row as a stopped server left it: skip-invalid commits chunks (and their counts), all-or-nothing nothing. */
const importRow = (id: string, status: 'running' | 'completed', mode: 'skip-invalid' | 'all-or-nothing' = 'skip-invalid') => ({
  id,
  tenantId: org.tenantId,
  kind: 'calls',
  format: 'csv' as const,
  mode,
  source: 'test',
  status,
  rowsProcessed: mode === 'skip-invalid' ? 500 : 0,
  inserted: mode === 'skip-invalid' ? 480 : 0,
  updated: mode === 'skip-invalid' ? 15 : 0,
  invalid: mode === 'skip-invalid' ? 5 : 0,
  errors: [],
  actor: 'user:test',
  startedAt: new Date('2026-11-20T10:00:00Z'),
  finishedAt: status === 'running' ? null : new Date('2026-11-20T10:01:00Z')
});

describe('imports left running by a stopped server', () => {
  it('are marked failed with how many rows were committed, once, and audited; finished imports are untouched', async () => {
    await t.db
      .insert(schema.imports)
      .values([importRow('imp-running', 'running'), importRow('imp-aon', 'running', 'all-or-nothing'), importRow('imp-done', 'completed')]);
    const now = new Date('2026-11-23T08:00:00Z');
    expect(await sweepInterruptedImports(t.db, now)).toEqual([
      { id: 'imp-running', committedRows: 500 },
      { id: 'imp-aon', committedRows: 0 }
    ]);
    const [swept] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-running'));
    expect(swept).toMatchObject({ status: 'failed', finishedAt: now, inserted: 480 });
    expect(swept!.message).toMatch(
      /^Interrupted: the server stopped before this import finished\. 500 rows were committed before the stop and stay stored \(480 inserted, 15 updated, 0 unchanged, 5 refused\)/
    );
    const [aon] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-aon'));
    expect(aon!.message).toMatch(/Nothing was stored \(all-or-nothing\)/);
    const [done] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-done'));
    expect(done).toMatchObject({ status: 'completed', message: null });
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, 'imp-running'));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({
      status: 'failed',
      reason: 'interrupted',
      mode: 'skip-invalid',
      committedRows: 500,
      inserted: 480,
      updated: 15,
      unchanged: 0,
      invalid: 5
    });
    const aonAudit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, 'imp-aon'));
    expect(JSON.parse(aonAudit[0]!.after!)).toMatchObject({ reason: 'interrupted', committedRows: 0, inserted: 0 });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect(await sweepInterruptedImports(t.db, now)).toEqual([]); // nothing left to sweep
  });

  it('with a stale limit (a shared libSQL server): only imports whose heartbeat stopped; a checked all-or-nothing import keeps its committed chunks', async () => {
    const now = new Date('2026-11-24T08:00:00Z');
    const beat = (ms: number) => new Date(now.getTime() - ms);
    await t.db.insert(schema.imports).values([
      { ...importRow('imp-alive', 'running'), heartbeatAt: beat(2_000) },
      { ...importRow('imp-dead', 'running'), heartbeatAt: beat(60_000) },
      // written in checked chunks on a server: 20,000 of 50,000 checked rows committed when its process died
      { ...importRow('imp-aon-chunks', 'running', 'all-or-nothing'), rowsProcessed: 50_000, inserted: 20_000, heartbeatAt: beat(45_000) }
    ]);
    const swept = await sweepInterruptedImports(t.db, now, { staleBefore: beat(30_000) });
    expect(swept).toEqual(
      expect.arrayContaining([
        { id: 'imp-dead', committedRows: 500 },
        { id: 'imp-aon-chunks', committedRows: 20_000 }
      ])
    );
    expect(swept).toHaveLength(2);
    const [alive] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-alive'));
    expect(alive).toMatchObject({ status: 'running', finishedAt: null });
    const [aon] = await t.db.select().from(schema.imports).where(eq(schema.imports.id, 'imp-aon-chunks'));
    expect(aon!.status).toBe('failed');
    expect(aon!.message).toMatch(/checked in full \(no bad row\) and 20000 of its rows were committed before the stop and stay stored/);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, 'imp-aon-chunks'));
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ reason: 'interrupted', committedRows: 20_000, inserted: 20_000 });
    expect(audit[0]!.actor).toBe('system:import-sweep');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
