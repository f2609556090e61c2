import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { canManageSampling, hasWorkQueue } from '../policy/sampling.ts';
import { isTimeZone } from './definition.ts';
import { periodContaining } from './period.ts';
import { tenantTimeZone } from '../settings/tenant-settings.ts';
import { parseInput } from './shared.ts';
import { periodDisplay, runTimezone } from './run-dto.ts';
import { periodDates } from '@attentive/shared/period';
import { SAMPLE_KINDS_SQL } from '../evaluations/counting.ts';

export const WorkQueueInput = z.object({
  /** Managers may look at another evaluator's queue; everyone else sees their own. */
  personId: z.number().int().positive().optional(),
  /** For "due this week"; the tenant's time zone when not given. */
  timezone: z.string().optional()
});

/**
 * An evaluator's work: the sampled calls assigned to it that still need an evaluation, in the order to
 * score them (overdue first, then by due date, then by rank), with how much is due this week.
 */
export async function workQueue({ ctx, input = {} }: { ctx: Ctx; input?: z.input<typeof WorkQueueInput> }) {
  const data = parseInput(WorkQueueInput, input);
  const timezone = data.timezone ?? (await tenantTimeZone(ctx));
  if (!isTimeZone(timezone)) throw invalid('unknown time zone', [{ path: 'timezone', message: 'unknown time zone' }]);
  const p = ctx.principal;
  if (data.personId != null && data.personId !== p.personId && !canManageSampling(p)) throw forbidden('You see your own work queue');
  const personId = data.personId ?? p.personId;
  if (personId == null || (data.personId == null && !hasWorkQueue(p)))
    throw forbidden('Only evaluators (team leads, QA analysts, admins) have a work queue');
  const now = nowOf(ctx);
  const week = periodContaining('week', now, timezone);
  const evalStatus = sql<
    string | null
  >`(select max(e.status) from evaluations e where e.call_id = ${schema.sampleItems.callId} and e.kind in (${SAMPLE_KINDS_SQL}))`;
  const evalId = sql<
    number | null
  >`coalesce(${schema.sampleItems.evaluationId}, (select max(e.id) from evaluations e where e.call_id = ${schema.sampleItems.callId} and e.kind in (${SAMPLE_KINDS_SQL})))`;
  const rows = await ctx.db
    .select({
      itemId: schema.sampleItems.id,
      runId: schema.sampleItems.runId,
      callId: schema.sampleItems.callId,
      agentId: schema.sampleItems.agentId,
      agentName: schema.people.name,
      rank: schema.sampleItems.rank,
      status: schema.sampleItems.status,
      dueAt: schema.sampleItems.dueAt,
      startedAt: schema.calls.startedAt,
      talkSeconds: schema.calls.talkSeconds,
      direction: schema.calls.direction,
      queueName: schema.queues.name,
      programName: schema.programs.name,
      periodLabel: schema.sampleRuns.periodLabel,
      periodStart: schema.sampleRuns.periodStart,
      periodEnd: schema.sampleRuns.periodEnd,
      runTimezone,
      recorded: sql<number>`${schema.calls.recordingPath} is not null`,
      transcribed: sql<number>`exists (select 1 from call_transcripts ct where ct.call_id = ${schema.calls.id})`,
      evaluationStatus: evalStatus,
      evaluationId: evalId
    })
    .from(schema.sampleItems)
    .innerJoin(schema.calls, eq(schema.calls.id, schema.sampleItems.callId))
    .innerJoin(schema.people, eq(schema.people.id, schema.sampleItems.agentId))
    .innerJoin(schema.programs, eq(schema.programs.id, schema.calls.programId))
    .innerJoin(schema.sampleRuns, eq(schema.sampleRuns.id, schema.sampleItems.runId))
    .leftJoin(schema.queues, eq(schema.queues.id, schema.calls.queueId))
    .where(
      and(
        eq(schema.sampleItems.tenantId, p.tenantId),
        eq(schema.sampleItems.assignedTo, personId),
        ne(schema.sampleItems.status, 'replaced'),
        isNull(schema.sampleItems.evaluationId)
      )
    )
    .orderBy(asc(schema.sampleItems.dueAt), asc(schema.sampleItems.rank));
  const t = now.getTime();
  const items = rows
    .filter((r) => r.evaluationStatus !== 'submitted')
    .map(({ periodStart, periodEnd, runTimezone: tz, recorded, transcribed, ...r }) => ({
      ...r,
      hasRecording: Boolean(recorded),
      hasTranscript: Boolean(transcribed),
      ...periodDisplay(periodStart, periodEnd, tz),
      dueAt: r.dueAt?.toISOString() ?? null,
      startedAt: r.startedAt.toISOString(),
      overdue: r.dueAt != null && r.dueAt.getTime() < t,
      inProgress: r.evaluationStatus === 'draft',
      evaluationId: r.evaluationId == null ? null : Number(r.evaluationId)
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const doneThisWeek = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(schema.evaluations)
    .where(
      and(
        eq(schema.evaluations.tenantId, p.tenantId),
        eq(schema.evaluations.evaluatorId, personId),
        eq(schema.evaluations.status, 'submitted'),
        sql`${schema.evaluations.submittedAt} >= ${week.start.getTime()}`,
        sql`${schema.evaluations.submittedAt} < ${week.end.getTime()}`
      )
    );
  return {
    personId,
    week: {
      label: week.label,
      start: week.start.toISOString(),
      end: week.end.toISOString(),
      ...periodDates(week.start, week.end, timezone)
    },
    summary: {
      open: items.length,
      overdue: items.filter((i) => i.overdue).length,
      dueThisWeek: items.filter((i) => i.dueAt != null && Date.parse(i.dueAt) <= week.end.getTime()).length,
      inProgress: items.filter((i) => i.inProgress).length,
      doneThisWeek: Number(doneThisWeek[0]?.n ?? 0)
    },
    items
  };
}
