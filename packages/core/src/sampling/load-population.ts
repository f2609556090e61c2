import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@attentive/db';
import type { PlanDefinition } from './definition.ts';
import type { ColumnCandidates } from './draw.ts';
import { passesTimeFilters } from './eligibility.ts';
import { localTime } from './period.ts';

/** A comma-separated list of bound values, for `in (…)` in raw SQL. */
const boundList = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `
  );

export type Population = ColumnCandidates & {
  ids: number[];
  agentIds: number[];
  startedAt: number[];
  queueIds: (number | null)[];
  callsInPeriod: number;
};

/**
 * The eligible calls of a program in [start, end): the column filters in SQL (the same rules as
 * eligibility.ts passesColumnFilters), the local-time filters and exclusions here. One scan of the
 * period counts all its calls and packs the filtered ones into four JSON arrays in one row: reading a
 * million rows as row objects costs ~10× more. `startedAt` comes back floored to the minute (fewer
 * digits to move); period starts are local midnights, so the local day and hour never change by it.
 * (The cast matters: @libsql/client binds JS numbers as REAL, which would make the minutes fractions.)
 */
export async function loadPopulation(
  tx: DbOrTx,
  o: {
    tenantId: number;
    programId: number;
    start: number;
    end: number;
    def: PlanDefinition;
    excluded: ReadonlySet<number>;
    agentId?: number;
  }
): Promise<Population> {
  const f = o.def.filters;
  const where: SQL[] = [
    sql`tenant_id = ${o.tenantId}`,
    sql`program_id = ${o.programId}`,
    sql`started_at >= ${o.start}`,
    sql`started_at < ${o.end}`
  ];
  if (o.agentId != null) where.push(sql`agent_id = ${o.agentId}`);
  const filters: SQL[] = [];
  if (f.minTalkSeconds != null) filters.push(sql`talk_seconds >= ${f.minTalkSeconds}`);
  if (f.maxTalkSeconds != null) filters.push(sql`talk_seconds <= ${f.maxTalkSeconds}`);
  if (f.queueIds.length) filters.push(sql`queue_id in (${boundList(f.queueIds)})`);
  if (f.direction !== 'any') filters.push(sql`direction = ${f.direction}`);
  if (f.media === 'recording') filters.push(sql`recording_path is not null`);
  if (f.media === 'transcript') filters.push(sql`exists (select 1 from call_transcripts t where t.call_id = calls.id)`);
  if (f.dispositions.length) filters.push(sql`disposition in (${boundList(f.dispositions)})`);
  const pass = filters.length ? sql`filter (where ${sql.join(filters, sql` and `)})` : sql``;

  const [row] = await tx.all<{ n: number; ids: string; agents: string; minutes: string; queues: string }>(sql`
    select count(*) as n,
           json_group_array(id) ${pass} as ids, json_group_array(agent_id) ${pass} as agents,
           json_group_array((started_at - cast(${o.start} as integer)) / 60000) ${pass} as minutes, json_group_array(queue_id) ${pass} as queues
    from calls where ${sql.join(where, sql` and `)}`);
  const ids = JSON.parse(row!.ids) as number[];
  const agentIds = JSON.parse(row!.agents) as number[];
  const startedAt = JSON.parse(row!.minutes) as number[];
  for (let i = 0; i < startedAt.length; i++) startedAt[i] = o.start + startedAt[i]! * 60_000;
  const queueIds = JSON.parse(row!.queues) as (number | null)[];
  const callsInPeriod = Number(row!.n);

  const timeFiltered = f.daysOfWeek.length > 0 || f.hours != null;
  if (!timeFiltered && o.excluded.size === 0) return { ids, agentIds, startedAt, queueIds, callsInPeriod };
  const local = localTime(o.def.timezone);
  const out: Population = { ids: [], agentIds: [], startedAt: [], queueIds: [], callsInPeriod };
  for (let i = 0; i < ids.length; i++) {
    if (o.excluded.has(ids[i]!)) continue;
    if (timeFiltered && !passesTimeFilters(f, local(startedAt[i]!))) continue;
    out.ids.push(ids[i]!);
    out.agentIds.push(agentIds[i]!);
    out.startedAt.push(startedAt[i]!);
    out.queueIds.push(queueIds[i]!);
  }
  return out;
}

/**
 * Calls of the program in the period that are already evaluated (any evaluation of the call) or
 * already in another run's sample, as the plan asks to leave them out.
 */
export async function loadExclusions(
  tx: DbOrTx,
  o: { tenantId: number; programId: number; start: number; end: number; def: PlanDefinition }
): Promise<number[]> {
  const parts: SQL[] = [];
  if (o.def.exclude.alreadyEvaluated)
    parts.push(sql`select e.call_id as id from evaluations e join calls c on c.id = e.call_id
      where e.tenant_id = ${o.tenantId} and c.program_id = ${o.programId} and c.started_at >= ${o.start} and c.started_at < ${o.end}`);
  if (o.def.exclude.alreadySampled)
    parts.push(sql`select si.call_id as id from sample_items si join calls c on c.id = si.call_id
      where si.tenant_id = ${o.tenantId} and c.program_id = ${o.programId} and c.started_at >= ${o.start} and c.started_at < ${o.end}`);
  if (!parts.length) return [];
  const rows = await tx.all<{ id: number }>(sql`select distinct id from (${sql.join(parts, sql` union `)}) order by id`);
  return rows.map((r) => Number(r.id));
}
