import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { INSERT_COLUMNS } from './src/calls/import/resolve-record.ts';
import { upsertSql } from './src/calls/import/upsert-calls.ts';
const N = 100_000, B = 1000;
const UPD = INSERT_COLUMNS.slice(3);
const jsonSql = `INSERT INTO calls (${INSERT_COLUMNS.join(',')}) SELECT ${INSERT_COLUMNS.map((_, i) => `value->>${i}`).join(',')} FROM json_each(?) WHERE true ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET ${UPD.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = ? WHERE ${UPD.map((c) => `calls.${c} IS NOT excluded.${c}`).join(' OR ')}`;
const rawSql = `INSERT INTO calls (${INSERT_COLUMNS.join(',')}) VALUES ${Array.from({ length: B }, () => `(${INSERT_COLUMNS.map(() => '?').join(',')})`).join(',')}`;
async function run(kind: string) {
  const t = await createTestDb();
  const org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  const c = t.db.$client;
  const t0 = performance.now();
  let tx = await c.transaction('write');
  for (let i = 0; i < N; i += B) {
    const rows: any[][] = [];
    for (let j = i; j < i + B; j++) rows.push([org.tenantId, 'bench', `ext-${j}`, org.programs.a.id, org.queues.a.id, org.agents.a1.id, 'inbound', 1_790_000_000_000 + j * 1000, j % 30, 100 + j % 500, j % 20, j % 3, 'resolved', `c-${(j * 7919).toString(16)}`, null, 'nl']);
    if (kind === 'raw') await tx.execute({ sql: rawSql, args: rows.flat() });
    else if (kind === 'upsertValues') await tx.execute({ sql: upsertSql(B), args: [...rows.flat(), Date.now()] });
    else await tx.execute({ sql: jsonSql, args: [JSON.stringify(rows), Date.now()] });
    if ((i + B) % 10000 === 0) { await tx.commit(); tx = await c.transaction('write'); }
  }
  await tx.commit();
  const s = (performance.now() - t0) / 1000;
  const n = (await c.execute('select count(*), sum(talk_seconds), count(queue_id), count(recording_path) from calls')).rows[0];
  console.log(kind.padEnd(14), s.toFixed(2), 's', Math.round(N / s), 'rows/s', JSON.stringify(n));
  t.cleanup();
}
for (const k of ['raw', 'upsertValues', 'json', 'raw', 'upsertValues', 'json']) await run(k);
