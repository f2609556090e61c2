import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canReassignItem } from '../policy/sampling.ts';
import { dueAtEndOfDay } from './period.ts';
import { tenantTimeZone } from '../settings/tenant-settings.ts';
import { parseInput } from './shared.ts';
import { loadEvaluators } from './assign-items.ts';

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
