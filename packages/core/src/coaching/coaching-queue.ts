import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canSeeCoachingQueue } from '../policy/coaching.ts';
import { tIntervalFromMoments } from '../stats/intervals.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { countsTowardAgentSql } from '../evaluations/counting.ts';
import { rankCoachingQueue, type QueueFacts } from './queue-ranking.ts';
import { visibleAgents } from './scope.ts';

export const CoachingQueueInput = z.object({
  teamId: Id.optional(),
  /** Look-back for scores and critical errors. */
  days: z.number().int().min(7).max(365).default(90)
});

const DAY_MS = 86_400_000;
const dayDiff = (later: number, earlier: number) => Math.floor((later - earlier) / DAY_MS);

/**
 * The coaching queue of a lead (or QA/admin): the active agents it may coach, with the facts the
 * ranking rule (queue-ranking.ts) weighs, ranked, each with its reasons.
 */
export async function coachingQueue({ ctx, input }: { ctx: Ctx; input: z.input<typeof CoachingQueueInput> }) {
  const f = parseInput(CoachingQueueInput, input);
  const p = ctx.principal;
  if (!canSeeCoachingQueue(p)) throw forbidden('Only team leads, QA and admins have a coaching queue');
  const now = nowOf(ctx);
  const since = new Date(now.getTime() - f.days * DAY_MS);
  const today = now.toISOString().slice(0, 10);
  // Agents: people in a team (the ones evaluated), still employed, visible to the coach, not the coach itself.
  const agents = await ctx.db
    .select({ id: schema.people.id, name: schema.people.name, hireDate: schema.people.hireDate, teamName: schema.teams.name })
    .from(schema.people)
    .innerJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .where(
      and(
        visibleAgents(p),
        isNull(schema.people.leftDate),
        f.teamId ? eq(schema.people.teamId, f.teamId) : undefined,
        p.personId ? sql`${schema.people.id} <> ${p.personId}` : undefined
      )
    );
  const ids = agents.map((a) => a.id);
  if (!ids.length) return { days: f.days, items: [] };
  const e = schema.evaluations;
  const oriented = sql`json_extract(${e.dimensionScores}, '$.customer_oriented')`;
  const chunks = chunk(ids, 400);
  const scoreRows = [];
  const overdueRows = [];
  const disputeRows = [];
  for (const part of chunks) {
    scoreRows.push(
      ...(await ctx.db
        .select({
          agentId: e.agentId,
          n: sql<number>`count(${oriented})`,
          mean: sql<number | null>`avg(${oriented})`,
          sq: sql<number | null>`sum(${oriented} * ${oriented})`,
          critical: sql<number>`sum(case when json_array_length(${e.criticalFlags}) > 0 then 1 else 0 end)`
        })
        .from(e)
        .where(and(eq(e.tenantId, p.tenantId), inArray(e.agentId, part), countsTowardAgentSql(), gte(e.submittedAt, since)))
        .groupBy(e.agentId))
    );
    overdueRows.push(
      ...(await ctx.db
        .select({
          agentId: schema.coachingSessions.agentId,
          n: sql<number>`count(*)`,
          oldest: sql<string>`min(${schema.coachingSessions.followUpOn})`
        })
        .from(schema.coachingSessions)
        .where(
          and(
            inArray(schema.coachingSessions.agentId, part),
            isNull(schema.coachingSessions.closedAt),
            lt(schema.coachingSessions.followUpOn, today)
          )
        )
        .groupBy(schema.coachingSessions.agentId))
    );
    disputeRows.push(
      ...(await ctx.db
        .select({ agentId: schema.disputes.agentId, n: sql<number>`count(*)`, oldest: sql<number>`min(${schema.disputes.openedAt})` })
        .from(schema.disputes)
        .where(and(inArray(schema.disputes.agentId, part), eq(schema.disputes.status, 'open')))
        .groupBy(schema.disputes.agentId))
    );
  }
  const scores = new Map(scoreRows.map((r) => [r.agentId, r]));
  const overdue = new Map(overdueRows.map((r) => [r.agentId, r]));
  const open = new Map(disputeRows.map((r) => [r.agentId, r]));
  const facts: QueueFacts[] = agents.map((a) => {
    const s = scores.get(a.id);
    const n = Number(s?.n ?? 0);
    const mean = Number(s?.mean ?? 0);
    const o = overdue.get(a.id);
    const d = open.get(a.id);
    return {
      agentId: a.id,
      name: a.name,
      teamName: a.teamName,
      tenureDays: a.hireDate ? dayDiff(now.getTime(), Date.parse(`${a.hireDate}T00:00:00Z`)) : null,
      oriented: tIntervalFromMoments({ n, mean, m2: Math.max(0, Number(s?.sq ?? 0) - n * mean * mean) }, { bounds: [0, 100] }),
      criticalErrors: Number(s?.critical ?? 0),
      overdueFollowUps: Number(o?.n ?? 0),
      overdueFollowUpDays: o ? dayDiff(Date.parse(`${today}T00:00:00Z`), Date.parse(`${o.oldest}T00:00:00Z`)) : null,
      openDisputes: Number(d?.n ?? 0),
      oldestOpenDisputeDays: d ? dayDiff(now.getTime(), Number(d.oldest)) : null
    };
  });
  return { days: f.days, items: rankCoachingQueue(facts) };
}

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
