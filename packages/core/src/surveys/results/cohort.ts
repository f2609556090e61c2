import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@attentive/db';
import type { ResponseScores } from './metrics.ts';
import type { ItemFacts } from './non-response.ts';

export type CohortItem = ItemFacts & {
  id: number;
  agentId: number;
  channel: 'phone' | 'link';
  /** The local day its list was drawn. */
  day: string;
  response: ResponseScores | null;
};

/**
 * The callback items of the programs whose lists were drawn on the period's local days, with what non-response
 * and the metrics need: status and attempts (kept by THE attempt writer), whether an attempt reached the
 * customer, whether a link was sent, and the response's standard answers. One query; the EXISTS probes use
 * the attempts' and links' item indexes.
 */
export async function cohortItems(
  db: DbOrTx,
  o: { tenantId: number; programIds: number[]; from: string; to: string; agentIds?: number[] }
): Promise<CohortItem[]> {
  if (o.programIds.length === 0) return [];
  // One raw read (db.all): the row-object mapping of the query builder tripled the time of this, the
  // results' hot path (docs/benchmarks.md, callback surveys).
  const agentFilter = o.agentIds
    ? sql`and i.agent_id in (${sql.join(
        o.agentIds.map((a) => sql`${a}`),
        sql`, `
      )})`
    : sql``;
  const rows = await db.all<{
    id: number;
    agentId: number;
    channel: 'phone' | 'link';
    status: CohortItem['status'];
    attempts: number;
    day: string;
    reached: number;
    linkSent: number;
    responseId: number | null;
    csat: number | null;
    fcrSolved: number | null;
    fcrRecontact: number | null;
    ces: number | null;
    nps: number | null;
    promiseKept: number | null;
  }>(sql`
    select i.id as id, i.agent_id as agentId, i.channel as channel, i.status as status, i.attempts as attempts, d.day as day,
      exists (select 1 from callback_attempts a where a.item_id = i.id and a.outcome in ('declined', 'completed')) as reached,
      exists (select 1 from survey_links l where l.item_id = i.id and l.sent_at is not null) as linkSent,
      r.id as responseId, r.csat as csat, r.fcr_solved as fcrSolved, r.fcr_recontact as fcrRecontact, r.ces as ces, r.nps as nps,
      r.promise_kept as promiseKept
    from callback_draws d
    join callback_items i on i.draw_id = d.id
    left join survey_responses r on r.item_id = i.id
    where d.tenant_id = ${o.tenantId}
      and d.program_id in (${sql.join(
        o.programIds.map((p) => sql`${p}`),
        sql`, `
      )})
      and d.day >= ${o.from} and d.day <= ${o.to}
      ${agentFilter}`);
  const bool = (v: number | null) => (v == null ? null : v === 1);
  return rows.map((x) => ({
    id: x.id,
    agentId: x.agentId,
    channel: x.channel,
    status: x.status,
    attempts: x.attempts,
    day: x.day,
    reached: Boolean(x.reached),
    linkSent: Boolean(x.linkSent),
    response:
      x.responseId == null
        ? null
        : {
            csat: x.csat,
            fcrSolved: bool(x.fcrSolved),
            fcrRecontact: bool(x.fcrRecontact),
            ces: x.ces,
            nps: x.nps,
            promiseKept: bool(x.promiseKept)
          }
  }));
}
