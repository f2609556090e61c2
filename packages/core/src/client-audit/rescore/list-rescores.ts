import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { RescoreSummary } from '@attentive/shared/client-rescores';
import type { Ctx } from '../../context.ts';
import { hasRole } from '../../policy/principal.ts';
import { clientIdsAudited } from '../../policy/principal.ts';
import { summaryOf } from './load-rescore.ts';

/** Drawn and scored counts per re-score. */
export async function progressOf(db: DbOrTx, rescoreIds: number[]) {
  if (!rescoreIds.length) return new Map<number, { drawn: number; scored: number }>();
  const i = schema.clientRescoreItems;
  const rows = await db
    .select({ id: i.rescoreId, drawn: sql<number>`count(*)`, scored: sql<number>`count(${i.scoredAt})` })
    .from(i)
    .where(inArray(i.rescoreId, rescoreIds))
    .groupBy(i.rescoreId);
  return new Map(rows.map((r) => [r.id, { drawn: Number(r.drawn), scored: Number(r.scored) }]));
}

/**
 * The re-scores a principal may read, newest first, with progress (scored of drawn): a client's auditors see their
 * clients'; the contact center's admins and QA analysts every client's (the outcome concerns them). Others: none.
 */
export async function listRescores({ ctx }: { ctx: Ctx }): Promise<RescoreSummary[]> {
  const p = ctx.principal;
  const staff = p.kind === 'user' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));
  const audited = p.kind === 'user' && p.personId != null ? clientIdsAudited(p) : [];
  if (!staff && !audited.length) return [];
  const r = schema.clientRescores;
  const rows = await ctx.db
    .select({ rescore: r, clientName: schema.clients.name, programName: schema.programs.name })
    .from(r)
    .innerJoin(schema.clients, eq(schema.clients.id, r.clientId))
    .leftJoin(schema.programs, eq(schema.programs.id, r.programId))
    .where(and(eq(r.tenantId, p.tenantId), staff ? undefined : inArray(r.clientId, audited)))
    .orderBy(desc(r.id))
    .limit(500);
  const progress = await progressOf(
    ctx.db,
    rows.map((x) => x.rescore.id)
  );
  return rows.map((row) => summaryOf(row, progress.get(row.rescore.id) ?? { drawn: 0, scored: 0 }));
}
