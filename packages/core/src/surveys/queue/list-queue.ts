import { and, asc, count, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { QueueOverview } from '@attentive/shared/survey-queue';
import { nowOf, type Ctx } from '../../context.ts';
import { dayStartIn } from '../../calls/day-start.ts';
import { localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { callableConditions, dueConditions, requireCaller, unclaimedOrStale } from './queue-support.ts';

const items = schema.callbackItems;
const contacts = schema.customerContacts;
const LIMIT = 50;

/** The start of today and of tomorrow on the contact center's clock. */
export function todayBounds(now: Date, zone: string) {
  const today = localDate(zone, now);
  const start = dayStartIn(today, zone);
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { start, end: dayStartIn(next.toISOString().slice(0, 10), zone) };
}

/**
 * The caller's queue (its home page): the items it holds first (to resume), then the due ones — oldest draw
 * first, in rank order (the draw's random order) — and the counts: due now, due later today, and its own
 * attempts and completed surveys today. Opted-out customers and erased details never appear.
 */
export async function listSurveyQueue({ ctx }: { ctx: Ctx; input?: unknown }): Promise<QueueOverview> {
  const me = requireCaller(ctx);
  const tenantId = ctx.principal.tenantId;
  const now = nowOf(ctx);
  const { start, end } = todayBounds(now, await tenantTimeZone(ctx));
  const base = () =>
    ctx.db
      .select({
        id: items.id,
        programName: schema.programs.name,
        callStartedAt: schema.calls.startedAt,
        drawDay: schema.callbackDraws.day,
        attempts: items.attempts,
        maxAttempts: schema.callbackPlans.maxAttempts,
        nextAttemptAt: items.nextAttemptAt,
        claimedBy: items.claimedBy
      })
      .from(items)
      .innerJoin(contacts, eq(contacts.id, items.contactId))
      .innerJoin(schema.calls, eq(schema.calls.id, items.callId))
      .innerJoin(schema.programs, eq(schema.programs.id, items.programId))
      .innerJoin(schema.callbackDraws, eq(schema.callbackDraws.id, items.drawId))
      .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, schema.callbackDraws.planId));
  const countOf = async (conds: ReturnType<typeof callableConditions>) =>
    (
      await ctx.db
        .select({ n: count() })
        .from(items)
        .innerJoin(contacts, eq(contacts.id, items.contactId))
        .where(and(...conds))
    )[0]!.n;
  const a = schema.callbackAttempts;
  const [mine, due, dueNow, laterToday, tally] = await Promise.all([
    base()
      .where(and(eq(items.tenantId, tenantId), eq(items.status, 'open'), eq(items.claimedBy, me)))
      .orderBy(desc(items.claimedAt)),
    base()
      .where(and(...dueConditions(tenantId, now)))
      .orderBy(asc(schema.callbackDraws.day), asc(items.rank))
      .limit(LIMIT),
    countOf(dueConditions(tenantId, now)),
    countOf([...callableConditions(tenantId), unclaimedOrStale(now), gt(items.nextAttemptAt, now), lt(items.nextAttemptAt, end)]),
    ctx.db
      .select({ attempts: count(), completed: sql<number>`coalesce(sum(${a.outcome} = 'completed'), 0)` })
      .from(a)
      .where(and(eq(a.tenantId, tenantId), eq(a.callerId, me), gte(a.at, start), lte(a.at, now)))
  ]);
  const mineIds = new Set(mine.map((r) => r.id));
  const rows = [...mine, ...due.filter((r) => !mineIds.has(r.id))].slice(0, LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      programName: r.programName,
      callStartedAt: r.callStartedAt.toISOString(),
      drawDay: r.drawDay,
      attempts: r.attempts,
      maxAttempts: r.maxAttempts,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      mine: r.claimedBy === me
    })),
    counts: {
      dueNow,
      laterToday,
      myAttemptsToday: tally[0]?.attempts ?? 0,
      myCompletedToday: Number(tally[0]?.completed ?? 0)
    }
  };
}
