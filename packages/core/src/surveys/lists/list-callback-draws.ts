import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { CALLBACK_ITEM_STATUSES } from '@attentive/shared/surveys';
import { DateOnly, type CallbackDrawSummary, type CallbackListsOverview } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { loadSurveyProgram, planDto, requireSurveyManager } from './plan-support.ts';

export const ListCallbackDrawsInput = z.object({ programId: Id.optional(), from: DateOnly.optional(), to: DateOnly.optional() });

/** Days shown when no range is asked for: the last two weeks. */
export const DEFAULT_LIST_DAYS = 14;
const MAX_LIST_DAYS = 366;

type DrawRow = typeof schema.callbackDraws.$inferSelect;

/** Counts of a draw's items by status, every status present (0 when none). */
export async function statusCounts(db: Ctx['db'], drawIds: number[]) {
  const i = schema.callbackItems;
  const out = new Map<number, Record<(typeof CALLBACK_ITEM_STATUSES)[number], number>>();
  for (const id of drawIds) out.set(id, Object.fromEntries(CALLBACK_ITEM_STATUSES.map((s) => [s, 0])) as never);
  for (let k = 0; k < drawIds.length; k += 500) {
    const rows = await db
      .select({ drawId: i.drawId, status: i.status, n: sql<number>`count(*)` })
      .from(i)
      .where(inArray(i.drawId, drawIds.slice(k, k + 500)))
      .groupBy(i.drawId, i.status);
    for (const r of rows) out.get(r.drawId)![r.status] = Number(r.n);
  }
  return out;
}

export const drawSummary = (d: DrawRow, statuses: CallbackDrawSummary['statuses']): CallbackDrawSummary => ({
  id: d.id,
  planId: d.planId,
  programId: d.programId,
  day: d.day,
  createdAt: d.createdAt.toISOString(),
  trigger: d.trigger,
  requestedBy: d.requestedBy,
  populationSize: d.populationSize,
  selectedCount: d.selectedCount,
  excluded: d.excluded,
  statuses
});

/**
 * The callback lists of the tenant's programs (or one program), per program its plan and its draws of the
 * days asked (default: the last 14), newest first, with the items' counts by status — where each day's list
 * stands (open, completed, declined, unreachable, wrong number, expired). Programs without a plan are listed
 * too (plan null), so a manager sees where one can be set up.
 */
export async function listCallbackDraws({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof ListCallbackDrawsInput>;
}): Promise<CallbackListsOverview> {
  requireSurveyManager(ctx);
  const data = parseInput(ListCallbackDrawsInput, input);
  const tenantId = ctx.principal.tenantId;
  const tz = await tenantTimeZone(ctx);
  const now = nowOf(ctx);
  const today = localDate(tz, now);
  const to = data.to ?? today;
  const from = data.from ?? localDate(tz, new Date(now.getTime() - (DEFAULT_LIST_DAYS - 1) * 86_400_000));
  if (from > to) throw invalid(`from (${from}) is after to (${to})`, [{ path: 'from', message: 'after to' }]);
  if (Date.parse(to) - Date.parse(from) > MAX_LIST_DAYS * 86_400_000)
    throw invalid(`Ask for at most ${MAX_LIST_DAYS} days at once`, [
      { path: 'from', message: `more than ${MAX_LIST_DAYS} days before to` }
    ]);
  if (data.programId) await loadSurveyProgram(ctx.db, tenantId, data.programId);

  const programs = await ctx.db
    .select({ id: schema.programs.id, name: schema.programs.name })
    .from(schema.programs)
    .where(and(eq(schema.programs.tenantId, tenantId), ...(data.programId ? [eq(schema.programs.id, data.programId)] : [])))
    .orderBy(asc(schema.programs.name));
  const plans = await ctx.db.select().from(schema.callbackPlans).where(eq(schema.callbackPlans.tenantId, tenantId));
  const d = schema.callbackDraws;
  const draws = await ctx.db
    .select()
    .from(d)
    .where(and(eq(d.tenantId, tenantId), gte(d.day, from), lte(d.day, to), ...(data.programId ? [eq(d.programId, data.programId)] : [])))
    .orderBy(desc(d.day), desc(d.id));
  const counts = await statusCounts(
    ctx.db,
    draws.map((x) => x.id)
  );
  return {
    timeZone: tz,
    today,
    programs: programs.map((p) => {
      const plan = plans.find((x) => x.programId === p.id);
      return {
        programId: p.id,
        programName: p.name,
        plan: plan ? planDto(plan) : null,
        draws: draws.filter((x) => x.programId === p.id).map((x) => drawSummary(x, counts.get(x.id)!))
      };
    })
  };
}
