import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
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
  const i = schema.callbackItems;
  const d = schema.callbackDraws;
  const r = schema.surveyResponses;
  const rows = await db
    .select({
      id: i.id,
      agentId: i.agentId,
      channel: i.channel,
      status: i.status,
      attempts: i.attempts,
      day: d.day,
      reached: sql<number>`exists (select 1 from ${schema.callbackAttempts} a where a.item_id = ${i.id} and a.outcome in ('declined', 'completed'))`,
      linkSent: sql<number>`exists (select 1 from ${schema.surveyLinks} l where l.item_id = ${i.id} and l.sent_at is not null)`,
      responseId: r.id,
      csat: r.csat,
      fcrSolved: r.fcrSolved,
      fcrRecontact: r.fcrRecontact,
      ces: r.ces,
      nps: r.nps,
      promiseKept: r.promiseKept
    })
    .from(i)
    .innerJoin(d, eq(d.id, i.drawId))
    .leftJoin(r, eq(r.itemId, i.id))
    .where(
      and(
        eq(d.tenantId, o.tenantId),
        inArray(d.programId, o.programIds),
        gte(d.day, o.from),
        lte(d.day, o.to),
        o.agentIds ? inArray(i.agentId, o.agentIds) : undefined
      )
    );
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
        : { csat: x.csat, fcrSolved: x.fcrSolved, fcrRecontact: x.fcrRecontact, ces: x.ces, nps: x.nps, promiseKept: x.promiseKept }
  }));
}
