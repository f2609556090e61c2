import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { chooseEvaluators, type Evaluator } from './assign-compute.ts';
import { SAMPLE_KINDS_SQL } from '../evaluations/counting.ts';

/** Evaluators of a tenant (team leads with their teams, QA analysts) and their open sampled work. */
export async function loadEvaluators(tx: DbOrTx, tenantId: number): Promise<Evaluator[]> {
  const grants = await tx
    .select({ personId: schema.roleAssignments.personId, role: schema.roleAssignments.role, teamId: schema.roleAssignments.teamId })
    .from(schema.roleAssignments)
    .innerJoin(schema.people, eq(schema.people.id, schema.roleAssignments.personId))
    .where(
      and(
        eq(schema.roleAssignments.tenantId, tenantId),
        inArray(schema.roleAssignments.role, ['team_lead', 'qa_analyst']),
        isNull(schema.people.leftDate)
      )
    );
  const open = await tx
    .select({ personId: schema.sampleItems.assignedTo, n: sql<number>`count(*)` })
    .from(schema.sampleItems)
    .where(
      and(
        eq(schema.sampleItems.tenantId, tenantId),
        ne(schema.sampleItems.status, 'replaced'),
        isNull(schema.sampleItems.evaluationId),
        sql`not exists (select 1 from evaluations e where e.call_id = ${schema.sampleItems.callId} and e.status = 'submitted' and e.kind in (${SAMPLE_KINDS_SQL}))`
      )
    )
    .groupBy(schema.sampleItems.assignedTo);
  const openOf = new Map(open.map((o) => [o.personId, Number(o.n)]));
  const byKey = new Map<string, Evaluator>();
  for (const g of grants) {
    const role = g.role as Evaluator['role'];
    const key = `${g.personId}:${role}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { personId: g.personId, role, teamIds: [], open: openOf.get(g.personId) ?? 0 }));
    if (g.teamId != null) e.teamIds.push(g.teamId);
  }
  // A person who is both lead and QA counts once, as a lead of its teams.
  const leads = [...byKey.values()].filter((e) => e.role === 'team_lead' && e.teamIds.length > 0);
  const leadIds = new Set(leads.map((l) => l.personId));
  return [...leads, ...[...byKey.values()].filter((e) => e.role === 'qa_analyst' && !leadIds.has(e.personId))];
}

/** Assigns the given open items of a run (inside the caller's transaction). Returns how many got an evaluator. */
export async function assignItemsInTx(
  tx: DbOrTx,
  o: { tenantId: number; itemIds: number[]; mode: 'own_team' | 'cross_team'; dueAt: Date; now: Date }
) {
  if (o.itemIds.length === 0) return 0;
  const items = (
    await tx.all<{ itemId: number; agentId: number; agentTeamId: number | null }>(sql`
      select si.id as itemId, si.agent_id as agentId, p.team_id as agentTeamId
      from sample_items si join people p on p.id = si.agent_id
      where si.id in (select value from json_each(${JSON.stringify(o.itemIds)}))`)
  ).map((r) => ({
    itemId: Number(r.itemId),
    agentId: Number(r.agentId),
    agentTeamId: r.agentTeamId == null ? null : Number(r.agentTeamId)
  }));
  const chosen = chooseEvaluators(items, await loadEvaluators(tx, o.tenantId), o.mode);
  const pairs = [...chosen].filter(([, personId]) => personId != null);
  if (pairs.length === 0) return 0;
  // One UPDATE … FROM for every item, instead of one per evaluator and chunk.
  await tx.run(sql`
    update sample_items set assigned_to = j.value ->> 1, assigned_at = ${o.now.getTime()}, due_at = ${o.dueAt.getTime()}
    from json_each(${JSON.stringify(pairs)}) as j where sample_items.id = j.value ->> 0`);
  return pairs.length;
}
