import { sql, type SQL } from 'drizzle-orm';
import { isEmbedded, type Db, type DbOrTx } from '@attentive/db';
import type { PlanDefinition } from './definition.ts';
import type { ColumnCandidates } from './draw.ts';
import { passesTimeFilters } from './eligibility.ts';
import { localTime } from './period.ts';

/**
 * True when the database refused an answer as too long: a string over SQLite's length limit, or a libSQL server's
 * cap on one response (the code sits on the driver's error, under drizzle's).
 */
function isTooBig(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_TOOBIG' || code === 'RESPONSE_TOO_LARGE') return true;
  }
  return false;
}

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
 * A libSQL server caps a string at a few MB (sqld 0.24: SQLITE_TOOBIG between 5 and 8 MB, i.e. well under a
 * million ids in one array) and a response at about 10 MB (RESPONSE_TOO_LARGE); then the period is read in halves,
 * as often as needed. An embedded file has neither cap, so there it stays one read. On a server, `spanCalls`
 * (readSpanCallsOf) counts the period first and reads it in time spans of about that many calls, so a big period
 * costs one count instead of a refused read (half a second at 1M calls).
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
    /** Read at most about this many calls at once (a libSQL server); unset: one read. */
    spanCalls?: number;
  }
): Promise<Population> {
  const f = o.def.filters;
  const base: SQL[] = [sql`tenant_id = ${o.tenantId}`, sql`program_id = ${o.programId}`];
  if (o.agentId != null) base.push(sql`agent_id = ${o.agentId}`);
  const filters: SQL[] = [];
  if (f.minTalkSeconds != null) filters.push(sql`talk_seconds >= ${f.minTalkSeconds}`);
  if (f.maxTalkSeconds != null) filters.push(sql`talk_seconds <= ${f.maxTalkSeconds}`);
  if (f.queueIds.length) filters.push(sql`queue_id in (${boundList(f.queueIds)})`);
  if (f.direction !== 'any') filters.push(sql`direction = ${f.direction}`);
  if (f.media === 'recording') filters.push(sql`recording_path is not null`);
  if (f.media === 'transcript') filters.push(sql`exists (select 1 from call_transcripts t where t.call_id = calls.id)`);
  if (f.dispositions.length) filters.push(sql`disposition in (${boundList(f.dispositions)})`);
  const pass = filters.length ? sql`filter (where ${sql.join(filters, sql` and `)})` : sql``;

  type Packed = { n: number; ids: number[]; agentIds: number[]; startedAt: number[]; queueIds: (number | null)[] };
  /** The calls of [from, to) packed into one row; in halves while the server finds the arrays too long. */
  const readSpan = async (from: number, to: number): Promise<Packed[]> => {
    let row: { n: number; ids: string; agents: string; minutes: string; queues: string } | undefined;
    try {
      [row] = await tx.all<{ n: number; ids: string; agents: string; minutes: string; queues: string }>(sql`
        select count(*) as n,
               json_group_array(id) ${pass} as ids, json_group_array(agent_id) ${pass} as agents,
               json_group_array((started_at - cast(${o.start} as integer)) / 60000) ${pass} as minutes, json_group_array(queue_id) ${pass} as queues
        from calls where ${sql.join([...base, sql`started_at >= ${from}`, sql`started_at < ${to}`], sql` and `)}`);
    } catch (e) {
      if (!isTooBig(e) || to - from < 2) throw e;
      const mid = from + Math.floor((to - from) / 2);
      return [...(await readSpan(from, mid)), ...(await readSpan(mid, to))];
    }
    const startedAt = JSON.parse(row!.minutes) as number[];
    for (let i = 0; i < startedAt.length; i++) startedAt[i] = o.start + startedAt[i]! * 60_000;
    return [
      {
        n: Number(row!.n),
        ids: JSON.parse(row!.ids) as number[],
        agentIds: JSON.parse(row!.agents) as number[],
        startedAt,
        queueIds: JSON.parse(row!.queues) as (number | null)[]
      }
    ];
  };
  let spans = 1;
  if (o.spanCalls) {
    const [c] = await tx.all<{ n: number }>(
      sql`select count(*) as n from calls where ${sql.join([...base, sql`started_at >= ${o.start}`, sql`started_at < ${o.end}`], sql` and `)}`
    );
    spans = Math.max(1, Math.ceil(Number(c!.n) / o.spanCalls));
  }
  const parts: Packed[] = [];
  for (let i = 0; i < spans; i++) {
    const from = o.start + Math.floor(((o.end - o.start) * i) / spans);
    const to = i === spans - 1 ? o.end : o.start + Math.floor(((o.end - o.start) * (i + 1)) / spans);
    parts.push(...(await readSpan(from, to)));
  }
  const [first] = parts;
  const { ids, agentIds, startedAt, queueIds } =
    parts.length === 1
      ? first!
      : {
          ids: parts.flatMap((p) => p.ids),
          agentIds: parts.flatMap((p) => p.agentIds),
          startedAt: parts.flatMap((p) => p.startedAt),
          queueIds: parts.flatMap((p) => p.queueIds)
        };
  const callsInPeriod = parts.reduce((sum, p) => sum + p.n, 0);

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
 * Calls per read on a libSQL server: 250,000 calls make about 6 MB of arrays, under its caps on one string and
 * one response. Undefined for an embedded file (one read).
 */
export const readSpanCallsOf = (db: Db): number | undefined => (isEmbedded(db) ? undefined : 250_000);

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
