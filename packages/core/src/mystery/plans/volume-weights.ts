import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { MysteryPlanMonth, type MysteryVolumeWeights } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { localDate, localTime, zonedMidnight } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { loadProgram, monthRange, requireMysteryManager } from './plan-support.ts';

const WEEKS = 8;
const DAY = 86_400_000;
/** Offsets of every zone are whole quarter hours: counting per UTC quarter hour folds exactly into local hours. */
const QUARTER = 900_000;

/**
 * The weeks a 'volume' plan weighs by: the 8 weeks before the month, or before today when the month has
 * not started (a plan is made ahead, and the weeks before it have no calls yet).
 */
export function volumeWindow(month: string, tz: string, now: Date) {
  const { start } = monthRange(month, tz);
  const [y, m, d] = localDate(tz, now).split('-').map(Number) as [number, number, number];
  const today = zonedMidnight(tz, y, m, d);
  const to = today < start ? today : start;
  const [fy, fm, fd] = localDate(tz, new Date(to.getTime() - WEEKS * 7 * DAY + DAY / 2))
    .split('-')
    .map(Number) as [number, number, number];
  return { from: zonedMidnight(tz, fy, fm, fd), to };
}

/**
 * Imported inbound calls of a program per local weekday × hour in [from, to). SQL counts per UTC quarter
 * hour (a few thousand groups for 8 weeks, over the program/time index); JS folds them into local cells.
 */
export async function programVolume(tx: DbOrTx, tenantId: number, programId: number, from: Date, to: Date, tz: string) {
  const c = schema.calls;
  const quarter = sql<number>`${c.startedAt} / ${QUARTER}`;
  const rows = await tx
    .select({ quarter, n: sql<number>`count(*)` })
    .from(c)
    .where(
      and(eq(c.programId, programId), gte(c.startedAt, from), lt(c.startedAt, to), eq(c.tenantId, tenantId), eq(c.direction, 'inbound'))
    )
    .groupBy(quarter);
  const local = localTime(tz);
  const counts = new Map<number, number>();
  let calls = 0;
  for (const r of rows) {
    const { isoDow, hour } = local(Number(r.quarter) * QUARTER);
    const key = isoDow * 24 + hour;
    counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
    calls += Number(r.n);
  }
  const cells = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, weight]) => ({ weekday: Math.floor(key / 24), hour: key % 24, weight }));
  return { calls, cells };
}

export const VolumeInput = z.object({ programId: Id, month: MysteryPlanMonth });

/** What a 'volume' plan for this program and month would weigh by (managers). */
export async function getMysteryVolume({ ctx, input }: { ctx: Ctx; input: z.input<typeof VolumeInput> }): Promise<MysteryVolumeWeights> {
  requireMysteryManager(ctx);
  const data = parseInput(VolumeInput, input);
  const tenantId = ctx.principal.tenantId;
  if (!(await loadProgram(ctx.db, tenantId, data.programId))) throw notFound(`Program ${data.programId}`);
  const timeZone = await tenantTimeZone(ctx);
  const { from, to } = volumeWindow(data.month, timeZone, nowOf(ctx));
  const v = await programVolume(ctx.db, tenantId, data.programId, from, to, timeZone);
  return { programId: data.programId, from: from.toISOString(), to: to.toISOString(), timeZone, ...v };
}
