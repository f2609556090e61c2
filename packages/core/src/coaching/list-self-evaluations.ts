import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { SELF_EVALUATION_STATUSES } from '@attentive/db/schema/coaching';
import type { Ctx } from '../context.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { visibleAgents } from './scope.ts';

export const ListSelfEvaluationsInput = z.object({ status: z.enum(SELF_EVALUATION_STATUSES).optional(), agentId: Id.optional() });

/** Self-evaluation requests of agents the principal may see, newest first. */
export async function listSelfEvaluations({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListSelfEvaluationsInput> }) {
  const f = parseInput(ListSelfEvaluationsInput, input);
  const r = schema.selfEvaluationRequests;
  const conds: (SQL | undefined)[] = [eq(r.tenantId, ctx.principal.tenantId), visibleAgents(ctx.principal)];
  if (f.status) conds.push(eq(r.status, f.status));
  if (f.agentId) conds.push(eq(r.agentId, f.agentId));
  const rows = await ctx.db
    .select({ r, agentName: schema.people.name })
    .from(r)
    .innerJoin(schema.people, eq(schema.people.id, r.agentId))
    .where(and(...conds))
    .orderBy(desc(r.requestedAt))
    .limit(200);
  return {
    items: rows.map(({ r: x, agentName }) => ({
      id: x.id,
      callId: x.callId,
      agentId: x.agentId,
      agentName,
      status: x.status,
      requestedByLabel: x.requestedByLabel,
      requestedAt: x.requestedAt.toISOString(),
      submittedAt: x.submittedAt?.toISOString() ?? null
    }))
  };
}
