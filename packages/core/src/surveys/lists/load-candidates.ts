import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { CallbackCandidate } from './draw-compute.ts';

/**
 * A program's calls started in [start, end) as the draw sees them: each with its customer's contact row (by
 * the call's pseudonym `customerRef`; never the details themselves, only whether they are there), when that
 * customer was last drawn into any callback list, and whether the call already has an item. Calls with an id
 * above `maxCallId` are left out: verifying reloads exactly the calls that existed at the draw.
 */
export async function loadCallbackCandidates(
  tx: DbOrTx,
  o: { tenantId: number; programId: number; start: number; end: number; maxCallId: number }
): Promise<CallbackCandidate[]> {
  const c = schema.calls;
  const k = schema.customerContacts;
  const lastDrawn = sql<
    number | null
  >`(SELECT max(d.created_at) FROM callback_items i2 JOIN callback_draws d ON d.id = i2.draw_id WHERE i2.contact_id = ${k.id})`;
  const drawn = sql<number>`EXISTS (SELECT 1 FROM callback_items i1 WHERE i1.call_id = ${c.id})`;
  const rows = await tx
    .select({
      callId: c.id,
      agentId: c.agentId,
      startedAt: c.startedAt,
      contactId: k.id,
      hasPhone: sql<number>`${k.phoneCipher} IS NOT NULL`,
      hasEmail: sql<number>`${k.emailCipher} IS NOT NULL`,
      optedOutAt: k.optedOutAt,
      erasedAt: k.erasedAt,
      lastDrawnAt: lastDrawn,
      alreadyDrawn: drawn
    })
    .from(c)
    .leftJoin(k, and(eq(k.tenantId, c.tenantId), eq(k.customerRef, c.customerRef)))
    .where(
      and(
        eq(c.tenantId, o.tenantId),
        eq(c.programId, o.programId),
        gte(c.startedAt, new Date(o.start)),
        lt(c.startedAt, new Date(o.end)),
        lte(c.id, o.maxCallId)
      )
    );
  return rows.map((r) => ({
    callId: r.callId,
    agentId: r.agentId,
    startedAt: r.startedAt.getTime(),
    alreadyDrawn: Boolean(r.alreadyDrawn),
    contact:
      r.contactId == null
        ? null
        : {
            id: r.contactId,
            hasPhone: Boolean(r.hasPhone),
            hasEmail: Boolean(r.hasEmail),
            optedOutAt: r.optedOutAt?.getTime() ?? null,
            erasedAt: r.erasedAt?.getTime() ?? null,
            lastDrawnAt: r.lastDrawnAt == null ? null : Number(r.lastDrawnAt)
          }
  }));
}

export async function maxCallIdOf(tx: DbOrTx): Promise<number> {
  const [r] = await tx.select({ m: sql<number>`coalesce(max(${schema.calls.id}), 0)` }).from(schema.calls);
  return Number(r!.m);
}
