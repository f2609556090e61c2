import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { schema } from '@attentive/db';
import { listCalls } from './src/calls/index.ts';
const client = createClient({ url: 'file:/tmp/attentive-1m.db' });
const sqls: { q: string; p: unknown[] }[] = [];
const db = drizzle(client, { schema, logger: { logQuery: (q, p) => sqls.push({ q, p }) } }) as any;
const ctx = { db, principal: { kind: 'user' as const, tenantId: 1, label: 'x', grants: [{ role: 'admin' as const }] } };
await listCalls({ ctx, input: { agentId: 501 } });
for (const s of sqls) {
  console.log(s.q, s.p);
  const plan = await client.execute({ sql: 'EXPLAIN QUERY PLAN ' + s.q, args: s.p as any });
  console.log(plan.rows.map((r) => r.detail));
  for (let i = 0; i < 3; i++) { const t = performance.now(); await client.execute({ sql: s.q, args: s.p as any }); console.log('raw', (performance.now() - t).toFixed(2)); }
}
for (let i = 0; i < 3; i++) { const t = performance.now(); await listCalls({ ctx, input: { agentId: 501 } }); console.log('verb', (performance.now() - t).toFixed(2)); }
