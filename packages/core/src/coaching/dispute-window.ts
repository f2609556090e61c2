import { and, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';

const DAY_MS = 86_400_000;

/**
 * When the agent's dispute window on an evaluation closes: `days` after it starts (windowStart below).
 */
export function disputeWindow(start: Date | null, days: number, now: Date) {
  if (!start) return { days, closesAt: null as string | null, open: false };
  const closes = new Date(start.getTime() + days * DAY_MS);
  return { days, closesAt: closes.toISOString(), open: now.getTime() < closes.getTime() };
}

/**
 * Where the dispute window starts: the latest revision the evaluator made on its own — the first
 * submission, or a later change of the scores, which the agent gets the whole window to answer.
 * Revisions that resolve the agent's own disputes do not restart it. Null while never submitted.
 */
export async function disputeWindowStart(
  tx: DbOrTx,
  evaluation: { id: number; revision: number; submittedAt: Date | null }
): Promise<Date | null> {
  if (evaluation.revision === 0) return null;
  const r = schema.evaluationRevisions;
  const [row] = await tx
    .select({ at: sql<number | null>`max(${r.at})` })
    .from(r)
    .where(
      and(
        eq(r.evaluationId, evaluation.id),
        sql`${r.revision} not in (select d.resulting_revision from disputes d where d.evaluation_id = ${evaluation.id} and d.resulting_revision is not null)`
      )
    );
  return row?.at != null ? new Date(Number(row.at)) : evaluation.submittedAt;
}
