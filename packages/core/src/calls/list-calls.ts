import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { amsterdamDayStart } from './amsterdam-day.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { callVisibilityWhere } from './visibility-sql.ts';

const { calls, callTranscripts, clients, people, programs, queues, teams } = schema;

export type ListCallsInput = {
  clientId?: number;
  programId?: number;
  teamId?: number;
  agentId?: number;
  queueId?: number;
  direction?: 'inbound' | 'outbound';
  /** Calendar days (YYYY-MM-DD, Netherlands time), both inclusive. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
};

export type CallListItem = {
  id: number;
  startedAt: string;
  direction: 'inbound' | 'outbound';
  agent: { id: number; code: string; name: string };
  team: { id: number; code: string; name: string } | null;
  program: { id: number; code: string; name: string };
  client: { id: number; code: string; name: string };
  queue: { id: number; code: string; name: string } | null;
  answerSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  transfers: number;
  disposition: string | null;
  language: string | null;
  hasRecording: boolean;
  hasTranscript: boolean;
};

export type CallListPage = { items: CallListItem[]; nextCursor: string | null; prevCursor: string | null; hasMore: boolean };

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One page of the calls the principal may see, newest first. Keyset pagination on (started_at, id):
 * no OFFSET and no total count, so every page costs the same on a million calls.
 */
export async function listCalls({ ctx, input }: { ctx: Ctx; input: ListCallsInput }): Promise<CallListPage> {
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('limit: must be a whole number from 1 to 200', [{ path: 'limit', message: 'out of range' }]);
  const conds: SQL[] = [await callVisibilityWhere(ctx.db, ctx.principal)];
  for (const [key, ymd] of [['from', input.from], ['to', input.to]] as const) {
    if (ymd != null && (!YMD.test(ymd) || Number.isNaN(Date.parse(ymd)))) throw invalid(`${key}: expected a date as YYYY-MM-DD, got "${ymd}"`, [{ path: key, message: 'not a date' }]);
  }
  if (input.from && input.to && input.from > input.to) throw invalid('from: must not be after to', [{ path: 'from', message: 'after to' }]);
  if (input.from) conds.push(gte(calls.startedAt, amsterdamDayStart(input.from)));
  if (input.to) conds.push(lt(calls.startedAt, nextDayStart(input.to)));
  if (input.programId != null) conds.push(eq(calls.programId, input.programId));
  if (input.queueId != null) conds.push(eq(calls.queueId, input.queueId));
  if (input.agentId != null) conds.push(eq(calls.agentId, input.agentId));
  if (input.direction) conds.push(eq(calls.direction, input.direction));
  if (input.clientId != null) {
    const ids = await ctx.db.select({ id: programs.id }).from(programs).where(and(eq(programs.tenantId, ctx.principal.tenantId), eq(programs.clientId, input.clientId)));
    conds.push(ids.length ? inArray(calls.programId, ids.map((r) => r.id)) : sql`0`);
  }
  if (input.teamId != null) {
    const ids = await ctx.db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, ctx.principal.tenantId), eq(people.teamId, input.teamId)));
    conds.push(ids.length ? inArray(calls.agentId, ids.map((r) => r.id)) : sql`0`);
  }

  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (cursor) {
    const at = new Date(cursor.startedAt);
    // Written as a range on started_at plus a tie-break, so the time index bounds the scan.
    conds.push(
      cursor.dir === 'next'
        ? and(lte(calls.startedAt, at), or(lt(calls.startedAt, at), lt(calls.id, cursor.id)))!
        : and(gte(calls.startedAt, at), or(gt(calls.startedAt, at), gt(calls.id, cursor.id)))!
    );
  }
  const back = cursor?.dir === 'prev';
  const page = ctx.db
    .select({
      id: calls.id, startedAt: calls.startedAt, direction: calls.direction, agentId: calls.agentId, programId: calls.programId, queueId: calls.queueId,
      answerSeconds: calls.answerSeconds, talkSeconds: calls.talkSeconds, holdSeconds: calls.holdSeconds, transfers: calls.transfers,
      disposition: calls.disposition, language: calls.language, recordingPath: calls.recordingPath
    })
    .from(calls)
    .where(and(...conds))
    .orderBy(...(back ? [asc(calls.startedAt), asc(calls.id)] : [desc(calls.startedAt), desc(calls.id)]))
    .limit(limit + 1)
    .as('page');
  const rows = await ctx.db
    .select({
      id: page.id, startedAt: page.startedAt, direction: page.direction, answerSeconds: page.answerSeconds, talkSeconds: page.talkSeconds,
      holdSeconds: page.holdSeconds, transfers: page.transfers, disposition: page.disposition, language: page.language, recordingPath: page.recordingPath,
      agent: { id: people.id, code: people.code, name: people.name },
      teamId: teams.id, teamCode: teams.code, teamName: teams.name,
      program: { id: programs.id, code: programs.code, name: programs.name },
      client: { id: clients.id, code: clients.code, name: clients.name },
      queueId: queues.id, queueCode: queues.code, queueName: queues.name,
      hasTranscript: sql<number>`exists (select 1 from ${callTranscripts} where ${callTranscripts.callId} = ${page.id})`
    })
    .from(page)
    .innerJoin(people, eq(people.id, page.agentId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .innerJoin(programs, eq(programs.id, page.programId))
    .innerJoin(clients, eq(clients.id, programs.clientId))
    .leftJoin(queues, eq(queues.id, page.queueId))
    .orderBy(...(back ? [asc(page.startedAt), asc(page.id)] : [desc(page.startedAt), desc(page.id)]));

  // Going back past the first page: show the first page itself.
  if (back && rows.length <= limit) return listCalls({ ctx, input: { ...input, cursor: undefined } });

  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  if (back) pageRows.reverse();
  const items: CallListItem[] = pageRows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    direction: r.direction,
    agent: r.agent,
    team: r.teamId == null ? null : { id: r.teamId, code: r.teamCode!, name: r.teamName! },
    program: r.program,
    client: r.client,
    queue: r.queueId == null ? null : { id: r.queueId, code: r.queueCode!, name: r.queueName! },
    answerSeconds: r.answerSeconds,
    talkSeconds: r.talkSeconds,
    holdSeconds: r.holdSeconds,
    transfers: r.transfers,
    disposition: r.disposition,
    language: r.language,
    hasRecording: r.recordingPath != null,
    hasTranscript: Boolean(r.hasTranscript)
  }));
  const first = items[0];
  const last = items[items.length - 1];
  const key = (i: CallListItem, dir: 'next' | 'prev') => encodeCursor({ dir, startedAt: Date.parse(i.startedAt), id: i.id });
  // Forward: more rows after this page when the query found one extra. Backward: there is always the page we came from.
  const hasMore = back ? true : more;
  return {
    items,
    nextCursor: hasMore && last ? key(last, 'next') : null,
    prevCursor: cursor && first && (back ? more : true) ? key(first, 'prev') : null,
    hasMore
  };
}

function nextDayStart(ymd: string): Date {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return amsterdamDayStart(d.toISOString().slice(0, 10));
}
