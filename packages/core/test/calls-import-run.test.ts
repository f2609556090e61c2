import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Ctx } from '../src/context.ts';
import type { Principal } from '../src/policy/principal.ts';
import { importCallsCsv } from '../src/calls/import/import-calls-csv.ts';
import { importCallsBatch } from '../src/calls/import/import-calls-batch.ts';
import { upsertCallRecord } from '../src/calls/import/upsert-call-record.ts';
import { getImport } from '../src/calls/import/get-import.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let other: FixtureOrg;
let admin: Principal;

const HEADER = 'external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,customer_ref';
const row = (id: string, over: Partial<Record<'program' | 'queue' | 'agent' | 'talk' | 'started', string>> = {}) =>
  `${id},${over.program ?? 'EN-CARE'},${over.queue ?? 'billing'},${over.agent ?? 'A1'},inbound,${over.started ?? '2026-11-03T10:00:00Z'},5,${over.talk ?? '100'},c-${id}`;

const stream = (text: string, chunk = 7) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      const bytes = new TextEncoder().encode(text);
      // small chunks: rows and even characters are split across reads
      for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
      c.close();
    }
  });

const ctxOf = (principal: Principal): Ctx => ({ db: t.db, principal, requestId: 'test' });
const csv = (principal: Principal, text: string, mode: 'all-or-nothing' | 'skip-invalid' = 'skip-invalid', source = 'pbx') =>
  importCallsCsv({ ctx: ctxOf(principal), input: { body: stream(text), mode, source } });
const countCalls = async (tenantId: number, source = 'pbx') =>
  Number(
    (await t.db.$client.execute({ sql: 'SELECT count(*) FROM calls WHERE tenant_id = ? AND source = ?', args: [tenantId, source] }))
      .rows[0]![0]
  );

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 1 });
  other = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  admin = { kind: 'user', tenantId: org.tenantId, label: 'user:admin@test', userId: 'u-admin', grants: [{ role: 'admin' }] };
});
afterAll(() => t.cleanup());

describe('CSV import (core verb)', () => {
  it('imports good rows, then adds nothing on a second run, then updates a changed row', async () => {
    const file = [HEADER, row('g1'), row('g2', { agent: 'A2' }), row('g3', { queue: '' })].join('\n') + '\n';
    const first = await csv(admin, file, 'all-or-nothing');
    expect(first).toMatchObject({ status: 'completed', rows: 3, inserted: 3, updated: 0, unchanged: 0, invalid: 0, errorCount: 0 });
    expect(await countCalls(org.tenantId)).toBe(3);

    const again = await csv(admin, file, 'all-or-nothing');
    expect(again).toMatchObject({ status: 'completed', rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await countCalls(org.tenantId)).toBe(3);

    const changed = file.replace(row('g2', { agent: 'A2' }), row('g2', { agent: 'A2', talk: '999' }));
    const third = await csv(admin, changed, 'all-or-nothing');
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const g2 = await t.db.$client.execute({
      sql: "SELECT talk_seconds, updated_at FROM calls WHERE external_id = 'g2' AND tenant_id = ?",
      args: [org.tenantId]
    });
    expect(g2.rows[0]![0]).toBe(999);
    expect(g2.rows[0]![1]).not.toBeNull();
  });

  it('all-or-nothing stores nothing when one row is bad, and reports every bad row with line and column', async () => {
    const before = await countCalls(org.tenantId);
    const file = [HEADER, row('a1'), row('a2', { agent: 'NOPE' }), row('a3'), row('a4', { talk: 'long' })].join('\n');
    const r = await csv(admin, file, 'all-or-nothing');
    expect(r).toMatchObject({ status: 'rejected', rows: 4, inserted: 0, invalid: 2, errorCount: 2 });
    expect(r.errors).toEqual([
      { line: 3, column: 'agent_code', reason: 'unknown agent "NOPE"' },
      { line: 5, column: 'talk_seconds', reason: 'talk_seconds must be a whole number of seconds (got "long")' }
    ]);
    expect(await countCalls(org.tenantId)).toBe(before);
    const rec = await getImport({ ctx: ctxOf(admin), input: { importId: r.importId } });
    expect(rec).toMatchObject({ status: 'rejected', invalid: 2, inserted: 0 });
  });

  it('skip-invalid stores the good rows and reports the bad ones', async () => {
    const before = await countCalls(org.tenantId);
    const file = [HEADER, row('s1'), row('s2', { program: 'GHOST' }), row('s3', { started: 'yesterday' }), row('s4')].join('\r\n');
    const r = await csv(admin, file, 'skip-invalid');
    expect(r).toMatchObject({ status: 'completed', rows: 4, inserted: 2, invalid: 2 });
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'program_code'],
      [4, 'started_at']
    ]);
    expect(await countCalls(org.tenantId)).toBe(before + 2);
  });

  it('reports the line where a record starts, also after quoted line breaks, and wrong field counts', async () => {
    const file = [HEADER + ',disposition', row('q1') + ',"two\nlines"', row('q2', { agent: 'X' }) + ',ok', 'just,three,fields'].join('\n');
    const r = await csv(admin, file);
    expect(r.errors).toEqual([
      { line: 2, column: 'disposition', reason: 'must be one line (line break at character 4)' },
      { line: 4, column: 'agent_code', reason: 'unknown agent "X"' },
      { line: 5, column: '(row)', reason: 'expected 10 fields as in the header, found 3' }
    ]);
  });

  it('within one file, a later row with the same key wins and counts as an update', async () => {
    const r = await csv(
      admin,
      [HEADER, row('d1'), row('d1', { talk: '555' }), row('d1', { talk: '555' })].join('\n'),
      'skip-invalid',
      'dups'
    );
    expect(r).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    const d = await t.db.$client.execute({ sql: "SELECT count(*), max(talk_seconds) FROM calls WHERE source = 'dups'", args: [] });
    expect([Number(d.rows[0]![0]), Number(d.rows[0]![1])]).toEqual([1, 555]);
  });

  it('commits skip-invalid imports in chunks and keeps counting across them', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => row(`c${i}`, { agent: i % 2 ? 'A1' : 'A2' }));
    // The same file twice: first in chunks, then again as one transaction that changes nothing.
    const upload = (mode: 'skip-invalid' | 'all-or-nothing') =>
      importCallsCsv({ ctx: ctxOf(admin), input: { body: stream([HEADER, ...rows].join('\n'), 65536), mode, source: 'chunks' } });
    const r = await upload('skip-invalid');
    expect(r).toMatchObject({ rows: 12_345, inserted: 12_345, invalid: 0 });
    expect(await countCalls(org.tenantId, 'chunks')).toBe(12_345);
    const again = await upload('all-or-nothing');
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 12_345 });
  });

  it('refuses a file with an unusable header before reading rows', async () => {
    await expect(csv(admin, 'external_id,agent\nx,y\n')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: expect.arrayContaining([expect.objectContaining({ line: 1, column: 'agent' })])
    });
  });

  it('refuses unreadable CSV with the line where it breaks', async () => {
    const r = csv(admin, [HEADER, row('u1'), 'u2,"EN-CARE,billing'].join('\n'), 'all-or-nothing');
    await expect(r).rejects.toMatchObject({ code: 'VALIDATION', details: [expect.objectContaining({ line: 3 })] });
    expect(await countCalls(org.tenantId, 'pbx')).toBeGreaterThan(0);
  });

  it("resolves codes only within the tenant: another tenant's codes are unknown", async () => {
    const otherAdmin: Principal = { ...admin, tenantId: other.tenantId, label: 'user:other-admin' };
    const r = await csv(otherAdmin, [HEADER, row('x1', { agent: 'A1' })].join('\n'));
    // the other tenant has its own A1 (fixture), so this imports into the other tenant only
    expect(r.inserted).toBe(1);
    const mine = await t.db.$client.execute({ sql: "SELECT tenant_id, agent_id FROM calls WHERE external_id = 'x1'", args: [] });
    expect(mine.rows.map((x) => Number(x[0]))).toEqual([other.tenantId]);
    expect(Number(mine.rows[0]![1])).toBe(other.agents.a1.id);
  });

  it('writes one audit row per import and keeps the chain intact', async () => {
    const rows = await t.db.$client.execute("SELECT count(*) FROM audit_log WHERE action = 'calls.import'");
    expect(Number(rows.rows[0]![0])).toBeGreaterThanOrEqual(5);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('integration tokens', () => {
  const token = (grant: { programId?: number; clientId?: number }): Principal => ({
    kind: 'token',
    tenantId: org.tenantId,
    label: `token:${JSON.stringify(grant)}`,
    grants: [{ role: 'integration', ...grant }]
  });

  it('import only rows of their own program; others are row errors', async () => {
    const tok = token({ programId: org.programs.a.id });
    const r = await csv(
      tok,
      [HEADER, row('t1'), row('t2', { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1' })].join('\n'),
      'skip-invalid',
      'tok'
    );
    expect(r).toMatchObject({ inserted: 1, invalid: 1 });
    expect(r.errors[0]).toMatchObject({ line: 3, column: 'program_code' });
  });

  it('cannot move or overwrite a call that belongs to another program', async () => {
    const admin2 = admin;
    await csv(admin2, [HEADER, row('own1', { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1' })].join('\n'), 'skip-invalid', 'shared');
    const tok = token({ clientId: org.clients.a.id });
    const r = await csv(tok, [HEADER, row('own1')].join('\n'), 'skip-invalid', 'shared');
    expect(r).toMatchObject({ inserted: 0, updated: 0, invalid: 1 });
    expect(r.errors[0]!.reason).toMatch(/belongs to a program you may not import into/);
    const still = await t.db.$client.execute({
      sql: "SELECT program_id FROM calls WHERE external_id = 'own1' AND source = 'shared'",
      args: []
    });
    expect(Number(still.rows[0]![0])).toBe(org.programs.b.id);
  });

  it('a principal without import rights is refused before anything is read', async () => {
    const lead: Principal = {
      kind: 'user',
      tenantId: org.tenantId,
      label: 'user:lead',
      grants: [{ role: 'team_lead', teamId: org.teams.a.id }]
    };
    await expect(csv(lead, [HEADER, row('l1')].join('\n'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sees its own imports only', async () => {
    const tok = token({ programId: org.programs.a.id });
    const r = await csv(tok, [HEADER, row('v1')].join('\n'), 'skip-invalid', 'tok');
    await expect(getImport({ ctx: ctxOf(tok), input: { importId: r.importId } })).resolves.toMatchObject({ id: r.importId });
    const otherTok = token({ clientId: org.clients.b.id });
    await expect(getImport({ ctx: ctxOf(otherTok), input: { importId: r.importId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getImport({ ctx: ctxOf(admin), input: { importId: r.importId } })).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('JSON batch and single record', () => {
  const rec = (id: string, over: Record<string, unknown> = {}) => ({
    external_id: id,
    program_code: 'EN-CARE',
    agent_code: 'A2',
    direction: 'outbound',
    started_at: '2026-11-04T12:00:00+01:00',
    talk_seconds: 60,
    ...over
  });

  it('batch: reports bad records by index and column', async () => {
    const r = await importCallsBatch({
      ctx: ctxOf(admin),
      input: {
        records: [rec('b1'), rec('b2', { talk_seconds: -1 }), 'nonsense'],
        mode: 'skip-invalid',
        source: 'api'
      }
    });
    expect(r).toMatchObject({ inserted: 1, invalid: 2 });
    expect(r.errors).toEqual([
      { index: 1, column: 'talk_seconds', reason: 'talk_seconds cannot be negative' },
      { index: 2, column: '(row)', reason: expect.stringMatching(/not a call record/) }
    ]);
  });

  it('single record: created, unchanged, updated', async () => {
    const c = ctxOf(admin);
    const a = await upsertCallRecord({ ctx: c, input: { record: rec('w1'), source: 'hook' } });
    expect(a.status).toBe('created');
    expect((await upsertCallRecord({ ctx: c, input: { record: rec('w1'), source: 'hook' } })).status).toBe('unchanged');
    const u = await upsertCallRecord({ ctx: c, input: { record: rec('w1', { hold_seconds: 30 }), source: 'hook' } });
    expect(u).toEqual({ status: 'updated', callId: a.callId, source: 'hook', externalId: 'w1' });
    await expect(
      upsertCallRecord({ ctx: c, input: { record: rec('w2', { customer_ref: '0612345678' }), source: 'hook' } })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [expect.objectContaining({ column: 'customer_ref' })]
    });
  });
});
