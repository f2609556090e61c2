import { createDb } from '@attentive/db';
import { listCalls, getCall, callFilterOptions } from './src/calls/index.ts';
const db = await createDb({ url: 'file:/tmp/attentive-1m.db' });
const ctx = { db, principal: { kind: 'user' as const, tenantId: 1, label: 'x', grants: [{ role: 'admin' as const }] } };
const opts = await callFilterOptions({ ctx });
const agent = opts.agents[500]!; const team = opts.teams[3]!; const prog = opts.programs[2]!;
const cases: [string, any][] = [['all', {}], ['program', { programId: prog.id }], ['client', { clientId: opts.clients[1]!.id }], ['agent', { agentId: agent.id }], ['team', { teamId: team.id }], ['dates', { from: '2026-10-01', to: '2026-10-07' }], ['team+program mismatch', { teamId: team.id, programId: opts.programs[0]!.id }], ['queue', { queueId: opts.queues[3]!.id }], ['outbound', {direction:'outbound'}]];
for (const [name, input] of cases) {
  let page = await listCalls({ ctx, input });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); page = await listCalls({ ctx, input }); times.push(performance.now() - t); }
  const t2 = performance.now(); const p2 = page.nextCursor ? await listCalls({ ctx, input: { ...input, cursor: page.nextCursor } }) : null; const d2 = performance.now() - t2;
  const back = p2?.prevCursor ? await listCalls({ ctx, input: { ...input, cursor: p2.prevCursor } }) : null;
  console.log(name.padEnd(24), 'median', times.sort((a, b) => a - b)[2]!.toFixed(1), 'ms; page2', d2.toFixed(1), 'rows', page.items.length, 'more', page.hasMore, 'back ok', back ? back.items[0]!.id === page.items[0]!.id : '-');
}
const d = await getCall({ ctx, id: page0() });
function page0() { return 5; }
console.log(d.agent, d.transcript?.turns.length);
const one = (await listCalls({ ctx, input: {limit: 2} })).items[0]; console.log(one);
