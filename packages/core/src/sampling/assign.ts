import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canManageSampling, canReassignItem, canReadSampleRun } from '../policy/sampling.ts';
import { chooseEvaluators, type Evaluator } from './assign-compute.ts';
import { dueAtEndOfDay } from './period.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';
import { fulfilsSample, type EvaluationKind } from '../evaluations/kinds.ts';
import { SAMPLE_KINDS_SQL } from '../evaluations/counting.ts';
import { tenantTimeZone } from '../settings/tenant-settings.ts';

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

/** (Re)assigns every open, unassigned item of a run, e.g. after team leads were appointed. */
export async function assignRunItems({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const data = parseInput(z.object({ runId: z.number().int().positive() }), input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const { run, clientId } = await loadRun(tx, p.tenantId, data.runId);
    if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample run ${data.runId}`);
    if (!canManageSampling(p)) throw forbidden('Only admins and QA analysts assign sampled calls');
    const open = await tx
      .select({ id: schema.sampleItems.id })
      .from(schema.sampleItems)
      .where(
        and(
          eq(schema.sampleItems.runId, run.id),
          isNull(schema.sampleItems.assignedTo),
          ne(schema.sampleItems.status, 'replaced'),
          isNull(schema.sampleItems.evaluationId)
        )
      );
    const now = nowOf(ctx);
    const def = snapshotOf(run.filterSnapshot).definition;
    const assigned = await assignItemsInTx(tx, {
      tenantId: p.tenantId,
      itemIds: open.map((o) => o.id),
      mode: def.assignment.mode,
      dueAt: dueAtEndOfDay(now, def.assignment.dueDays, def.timezone),
      now
    });
    if (assigned === 0) return { unassigned: open.length, assigned }; // nothing changed: no audit row
    const after = { unassigned: open.length, assigned };
    await writeAudit(tx, ctx, { action: 'sample_run.assign', objectType: 'sample_run', objectId: run.id, after }, now);
    return { unassigned: open.length, assigned };
  });
}

export const ReassignInput = z.object({
  itemId: z.number().int().positive(),
  /** The evaluator to hand the call to; omitted: the one who asks takes it. */
  assigneeId: z.number().int().positive().optional(),
  dueAt: z.iso.datetime({ offset: true }).optional()
});

/** Hands a sampled call to another evaluator (or takes it), optionally with a new due date. */
export async function reassignSampleItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReassignInput> }) {
  const data = parseInput(ReassignInput, input);
  const p = ctx.principal;
  const timeZone = await tenantTimeZone(ctx); // read before the write transaction: a default due date is cut in it
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ item: schema.sampleItems, agentTeamId: schema.people.teamId })
      .from(schema.sampleItems)
      .innerJoin(schema.people, eq(schema.people.id, schema.sampleItems.agentId))
      .where(and(eq(schema.sampleItems.id, data.itemId), eq(schema.sampleItems.tenantId, p.tenantId)))
      .limit(1);
    if (!row) throw notFound(`Sample item ${data.itemId}`);
    if (!canReassignItem(p, { tenantId: row.item.tenantId, assignedTo: row.item.assignedTo, agentTeamId: row.agentTeamId }))
      throw notFound(`Sample item ${data.itemId}`);
    const assigneeId = data.assigneeId ?? p.personId;
    if (assigneeId == null)
      throw invalid('assigneeId is required (you have no person record to take the call yourself)', [
        { path: 'assigneeId', message: 'required' }
      ]);
    if (row.item.status === 'replaced') throw conflict('This call was replaced; assign its replacement instead');
    if (row.item.evaluationId != null) throw conflict('This call is already evaluated');
    const evaluators = await loadEvaluators(tx, p.tenantId);
    const target = evaluators.find((e) => e.personId === assigneeId);
    const adminTarget = target
      ? null
      : await tx
          .select({ id: schema.roleAssignments.id })
          .from(schema.roleAssignments)
          .where(
            and(
              eq(schema.roleAssignments.tenantId, p.tenantId),
              eq(schema.roleAssignments.personId, assigneeId),
              eq(schema.roleAssignments.role, 'admin')
            )
          )
          .limit(1);
    if (!target && !adminTarget?.length)
      throw invalid(`Person ${assigneeId} is not an evaluator (team lead, QA analyst or admin) of this contact center`, [
        { path: 'assigneeId', message: 'not an evaluator' }
      ]);
    if (assigneeId === row.item.agentId)
      throw invalid('Nobody evaluates their own calls', [{ path: 'assigneeId', message: 'is the agent of this call' }]);
    const now = nowOf(ctx);
    const dueAt = data.dueAt ? new Date(data.dueAt) : (row.item.dueAt ?? dueAtEndOfDay(now, 7, timeZone));
    if (row.item.assignedTo === assigneeId && row.item.dueAt?.getTime() === dueAt.getTime()) {
      return { itemId: row.item.id, assignedTo: assigneeId, dueAt: dueAt.toISOString() }; // already so: nothing to write
    }
    await tx
      .update(schema.sampleItems)
      .set({ assignedTo: assigneeId, assignedAt: now, dueAt })
      .where(eq(schema.sampleItems.id, row.item.id));
    const before = { assignedTo: row.item.assignedTo, dueAt: row.item.dueAt?.toISOString() ?? null };
    const after = { assignedTo: assigneeId, dueAt: dueAt.toISOString() };
    await writeAudit(tx, ctx, { action: 'sample_item.reassign', objectType: 'sample_item', objectId: row.item.id, before, after }, now);
    return { itemId: row.item.id, assignedTo: assigneeId, dueAt: dueAt.toISOString() };
  });
}

/**
 * Links an evaluation to the sampled call it scores (called by the evaluation verbs on submit, inside
 * their transaction). Items of that call that stand (not replaced) and have no evaluation yet get it.
 * Only a kind that fulfils a sample item does (KIND_TRAITS.fulfilsSample: not a self-evaluation or a calibration score).
 */
export async function linkEvaluationToSample(
  tx: DbOrTx,
  o: { tenantId: number; callId: number; evaluationId: number; kind: EvaluationKind }
) {
  if (!fulfilsSample(o.kind)) return;
  await tx
    .update(schema.sampleItems)
    .set({ evaluationId: o.evaluationId })
    .where(
      and(
        eq(schema.sampleItems.tenantId, o.tenantId),
        eq(schema.sampleItems.callId, o.callId),
        ne(schema.sampleItems.status, 'replaced'),
        isNull(schema.sampleItems.evaluationId)
      )
    );
}
