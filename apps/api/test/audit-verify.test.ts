import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '@attentive/db/testing';
import { systemPrincipal, writeAudit } from '@attentive/core';
import { auditVerifyReport } from '../src/cli/audit-verify.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

let t: Awaited<ReturnType<typeof createTestDb>>;
let ids: number[] = [];
beforeAll(async () => {
  t = await createTestDb();
  const principal = systemPrincipal(1, 'test');
  for (let i = 0; i < 5; i++) {
    await t.db.transaction((tx) =>
      writeAudit(tx, { principal, requestId: `r${i}` }, { action: `test.step${i}`, objectType: 'thing', objectId: i, after: { i } })
    );
  }
  ids = (await t.db.$client.execute('select id from audit_log order by id')).rows.map((r) => Number(r.id));
});
afterAll(() => t.cleanup());

const cli = () =>
  spawnSync('pnpm', ['--silent', 'audit:verify'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
    encoding: 'utf8'
  });

describe('pnpm audit:verify', () => {
  it('reports an intact chain and exits 0', { timeout: 60_000 }, async () => {
    expect(await auditVerifyReport(t.db)).toEqual({ ok: true, message: 'Audit chain intact: 5 row(s) verified.' });
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('5 row(s) verified');
  });

  it('names an edited row', { timeout: 60_000 }, async () => {
    const victim = ids[2]!;
    const orig = (await t.db.$client.execute({ sql: 'select after from audit_log where id = ?', args: [victim] })).rows[0]!.after as string;
    await t.db.$client.execute({ sql: `update audit_log set after = '{"i":99}' where id = ?`, args: [victim] });
    const report = await auditVerifyReport(t.db);
    expect(report.ok).toBe(false);
    expect(report.message).toContain(`row ${victim} `);
    expect(report.message).toContain('does not match its hash');
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN at row ${victim} `);
    await t.db.$client.execute({ sql: 'update audit_log set after = ? where id = ?', args: [orig, victim] });
    expect((await auditVerifyReport(t.db)).ok).toBe(true);
  });

  it('names the row after a deleted one', { timeout: 60_000 }, async () => {
    await t.db.$client.execute({ sql: 'delete from audit_log where id = ?', args: [ids[1]!] });
    const report = await auditVerifyReport(t.db);
    expect(report.ok).toBe(false);
    expect(report.message).toContain(`row ${ids[2]} `);
    expect(report.message).toContain('previous row missing or changed');
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN at row ${ids[2]} `);
  });
});
