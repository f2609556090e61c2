import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { visibleAgents } from './scope.ts';

export const ListSessionsInput = z.object({
  agentId: Id.optional(),
  /** Only sessions not closed yet. */
  open: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100)
});

/** Coaching sessions of agents the principal may see, newest first, with open-action counts. */
export async function listCoachingSessions({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListSessionsInput> }) {
  const f = parseInput(ListSessionsInput, input);
  const s = schema.coachingSessions;
  const conds: (SQL | undefined)[] = [eq(s.tenantId, ctx.principal.tenantId), visibleAgents(ctx.principal)];
  if (f.agentId) conds.push(eq(s.agentId, f.agentId));
  if (f.open) conds.push(isNull(s.closedAt));
  const rows = await ctx.db
    .select({ s, agentName: schema.people.name })
    .from(s)
    .innerJoin(schema.people, eq(schema.people.id, s.agentId))
    .where(and(...conds))
    .orderBy(desc(s.heldOn), desc(s.id))
    .limit(f.limit);
  const ids = rows.map((r) => r.s.id);
  const open = ids.length
    ? await ctx.db
        .select({ sessionId: schema.coachingActions.sessionId, n: sql<number>`count(*)` })
        .from(schema.coachingActions)
        .where(and(inArray(schema.coachingActions.sessionId, ids), isNull(schema.coachingActions.doneAt)))
        .groupBy(schema.coachingActions.sessionId)
    : [];
  const today = nowOf(ctx).toISOString().slice(0, 10);
  return {
    items: rows.map(({ s: r, agentName }) => ({
      id: r.id,
      agentId: r.agentId,
      agentName,
      coachLabel: r.coachLabel,
      heldOn: r.heldOn,
      followUpOn: r.followUpOn,
      followUpOverdue: r.closedAt == null && r.followUpOn != null && r.followUpOn < today,
      agentConfirmedAt: r.agentConfirmedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      openActions: Number(open.find((o) => o.sessionId === r.id)?.n ?? 0)
    }))
  };
}
