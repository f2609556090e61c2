import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DISPUTE_STATUSES } from '@attentive/db/schema/coaching';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { visibleAgents } from './scope.ts';
import { itemsById } from './item-scores.ts';

export const ListDisputesInput = z.object({
  status: z.enum(DISPUTE_STATUSES).optional(),
  agentId: Id.optional(),
  evaluationId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(200)
});

const DAY_MS = 86_400_000;

/** Disputes of agents the principal may see: open ones oldest first (they wait longest), others newest first. */
export async function listDisputes({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListDisputesInput> }) {
  const f = parseInput(ListDisputesInput, input);
  const d = schema.disputes;
  const now = nowOf(ctx);
  const conds: (SQL | undefined)[] = [eq(d.tenantId, ctx.principal.tenantId), visibleAgents(ctx.principal)];
  if (f.status) conds.push(eq(d.status, f.status));
  if (f.agentId) conds.push(eq(d.agentId, f.agentId));
  if (f.evaluationId) conds.push(eq(d.evaluationId, f.evaluationId));
  const rows = await ctx.db
    .select({
      dispute: d,
      agentName: schema.people.name,
      teamName: schema.teams.name,
      overallScore: schema.evaluations.overallScore,
      evaluationRevision: schema.evaluations.revision,
      definition: schema.scorecardVersions.definition
    })
    .from(d)
    .innerJoin(schema.people, eq(schema.people.id, d.agentId))
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, d.evaluationId))
    .innerJoin(schema.scorecardVersions, eq(schema.scorecardVersions.id, schema.evaluations.scorecardVersionId))
    .leftJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .where(and(...conds))
    .orderBy(f.status === 'open' ? asc(d.openedAt) : desc(d.openedAt))
    .limit(f.limit);
  const ids = rows.map((r) => r.dispute.id);
  const items = ids.length ? await ctx.db.select().from(schema.disputeItems).where(inArray(schema.disputeItems.disputeId, ids)) : [];
  return {
    items: rows.map((r) => ({
      id: r.dispute.id,
      evaluationId: r.dispute.evaluationId,
      agentId: r.dispute.agentId,
      agentName: r.agentName,
      teamName: r.teamName,
      status: r.dispute.status,
      openedAt: r.dispute.openedAt.toISOString(),
      ageDays: Math.floor(((r.dispute.resolvedAt ?? now).getTime() - r.dispute.openedAt.getTime()) / DAY_MS),
      resolvedAt: r.dispute.resolvedAt?.toISOString() ?? null,
      itemIds: items.filter((i) => i.disputeId === r.dispute.id).map((i) => i.itemId),
      // What people read: the item's text on the evaluation's own scorecard version, never its internal id.
      itemTexts: items.filter((i) => i.disputeId === r.dispute.id).map((i) => itemsById(r.definition).get(i.itemId)?.text ?? i.itemId),
      overallScore: r.overallScore,
      resultingRevision: r.dispute.resultingRevision
    }))
  };
}
