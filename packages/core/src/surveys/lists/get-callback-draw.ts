import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { CallbackDrawDetail } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { requireSurveyManager } from './plan-support.ts';
import { drawSummary, statusCounts } from './list-callback-draws.ts';

export const GetCallbackDrawInput = z.object({ drawId: Id });

/**
 * One day's list: the draw (window, seed, population hash, exclusions) and its items in rank order, each
 * with the call's start, the agent, status and attempts. Never the customer's contact details (only the
 * survey caller working an item sees those) and never evaluation scores.
 */
export async function getCallbackDraw({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof GetCallbackDrawInput>;
}): Promise<CallbackDrawDetail> {
  requireSurveyManager(ctx);
  const { drawId } = parseInput(GetCallbackDrawInput, input);
  const d = schema.callbackDraws;
  const [row] = await ctx.db
    .select({ draw: d, programName: schema.programs.name, channel: schema.callbackPlans.channel })
    .from(d)
    .innerJoin(schema.programs, eq(schema.programs.id, d.programId))
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, d.planId))
    .where(and(eq(d.id, drawId), eq(d.tenantId, ctx.principal.tenantId)))
    .limit(1);
  if (!row) throw notFound(`Callback draw ${drawId}`);
  const i = schema.callbackItems;
  const items = await ctx.db
    .select({
      id: i.id,
      callId: i.callId,
      callStartedAt: schema.calls.startedAt,
      agentId: i.agentId,
      agentName: schema.people.name,
      rank: i.rank,
      channel: i.channel,
      status: i.status,
      attempts: i.attempts,
      lastAttemptAt: i.lastAttemptAt,
      nextAttemptAt: i.nextAttemptAt,
      closedAt: i.closedAt
    })
    .from(i)
    .innerJoin(schema.calls, eq(schema.calls.id, i.callId))
    .innerJoin(schema.people, eq(schema.people.id, i.agentId))
    .where(eq(i.drawId, drawId))
    .orderBy(asc(i.rank), asc(i.callId));
  const counts = await statusCounts(ctx.db, [drawId]);
  const draw = row.draw;
  return {
    ...drawSummary(draw, counts.get(drawId)!),
    programName: row.programName,
    channel: items[0]?.channel ?? row.channel,
    templateVersionId: draw.templateVersionId,
    windowStart: draw.windowStart.toISOString(),
    windowEnd: draw.windowEnd.toISOString(),
    seed: draw.seed,
    populationHash: draw.populationHash,
    verifiable: draw.snapshot != null,
    items: items.map((x) => ({
      id: x.id,
      callId: x.callId,
      callStartedAt: x.callStartedAt.toISOString(),
      agentId: x.agentId,
      agentName: x.agentName,
      rank: x.rank,
      status: x.status,
      attempts: x.attempts,
      lastAttemptAt: x.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: x.nextAttemptAt.toISOString(),
      closedAt: x.closedAt?.toISOString() ?? null
    }))
  };
}
