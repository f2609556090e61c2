import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { importCallsCsv } from './src/calls/import/import-calls-csv.ts';
const t = await createTestDb();
const org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
const principal = { kind: 'user' as const, tenantId: org.tenantId, label: 'user:a', grants: [{ role: 'admin' as const }] };
const HEADER = 'external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,customer_ref';
for (const [n, chunk] of [[100000, 65536]] as const) {
  const text = [HEADER, ...Array.from({ length: n }, (_, i) => `x${n}-${chunk}-${i},EN-CARE,billing,A1,inbound,2026-11-03T10:00:00Z,5,100,c-${i}`)].join('\n');
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({ start(c) { for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk)); c.close(); } });
  const t0 = performance.now();
  const r = await importCallsCsv({ db: t.db, principal }, { body, mode: 'skip-invalid', source: 'p' });
  const s = (performance.now() - t0) / 1000;
  console.log(n, chunk, r.inserted, s.toFixed(2), 's', Math.round(n / s), 'rows/s');
}
t.cleanup();
