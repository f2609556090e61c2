import { and, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema, type DbOrTx } from '@attentive/db';
import type { MysteryAssignment } from '@attentive/shared/mystery-calls';

/**
 * Assignments with what a list shows (program, scenario title, shopper, its mystery call): the one query
 * behind the shopper's list, the managers' list and a single assignment.
 */
export async function assignmentRows(db: DbOrTx, tenantId: number, where: (SQL | undefined)[]) {
  const a = schema.mysteryAssignments;
  const v = schema.mysteryScenarioVersions;
  const shopper = alias(schema.people, 'shopper');
  return db
    .select({
      id: a.id,
      tenantId: a.tenantId,
      planId: a.planId,
      programId: a.programId,
      programName: schema.programs.name,
      scenarioVersionId: a.scenarioVersionId,
      scenarioTitle: v.title,
      difficulty: v.difficulty,
      shopperId: a.shopperId,
      shopperName: shopper.name,
      windowStart: a.windowStart,
      windowEnd: a.windowEnd,
      status: a.status,
      mysteryCallId: schema.mysteryCalls.id
    })
    .from(a)
    .innerJoin(schema.programs, eq(schema.programs.id, a.programId))
    .innerJoin(v, eq(v.id, a.scenarioVersionId))
    .innerJoin(shopper, eq(shopper.id, a.shopperId))
    .leftJoin(schema.mysteryCalls, eq(schema.mysteryCalls.assignmentId, a.id))
    .where(and(eq(a.tenantId, tenantId), ...where))
    .orderBy(a.windowStart, a.id)
    .limit(2000);
}

export type AssignmentRow = Awaited<ReturnType<typeof assignmentRows>>[number];

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
const dayIn = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);

/** An open assignment is overdue once its window closed, "today" when its window opens on today's date (tenant zone). */
export function dueOf(r: Pick<AssignmentRow, 'status' | 'windowStart' | 'windowEnd'>, now: Date, timeZone: string) {
  if (r.status === 'completed') return 'done' as const;
  if (r.status === 'cancelled') return 'cancelled' as const;
  if (r.windowEnd.getTime() < now.getTime()) return 'overdue' as const;
  return dayIn(r.windowStart, timeZone) <= dayIn(now, timeZone) ? ('today' as const) : ('upcoming' as const);
}

export function assignmentDto(r: AssignmentRow, now: Date, timeZone: string): MysteryAssignment {
  return {
    id: r.id,
    planId: r.planId,
    programId: r.programId,
    programName: r.programName,
    scenarioVersionId: r.scenarioVersionId,
    scenarioTitle: r.scenarioTitle,
    difficulty: r.difficulty,
    shopperId: r.shopperId,
    shopperName: r.shopperName,
    windowStart: r.windowStart.toISOString(),
    windowEnd: r.windowEnd.toISOString(),
    status: r.status,
    due: dueOf(r, now, timeZone),
    mysteryCallId: r.mysteryCallId
  };
}
