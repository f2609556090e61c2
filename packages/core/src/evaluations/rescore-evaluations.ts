import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { computeScore } from '../scoring/compute-score.ts';
import { cachedOf } from './score.ts';

/**
 * Recomputes the cached results of every evaluation of a tenant from its stored answers with THE
 * formula (computeScore), e.g. after a fix to the formula. Answers and revisions are never touched;
 * only the cache columns that aggregates read. Pages by id; one transaction per page; each page is
 * written back with a single multi-row UPDATE … FROM (VALUES …).
 */
export async function rescoreEvaluations(db: Db, opts: { tenantId: number; pageSize?: number; onPage?: (done: number) => void }) {
  const pageSize = opts.pageSize ?? 5000;
  const definitions = new Map<number, ScorecardDefinition>();
  let after = 0;
  let done = 0;
  let changed = 0;
  for (;;) {
    const rows = await db
      .select({ id: schema.evaluations.id, versionId: schema.evaluations.scorecardVersionId, answers: schema.evaluations.answers, overall: schema.evaluations.overallScore, failed: schema.evaluations.failed })
      .from(schema.evaluations)
      .where(and(eq(schema.evaluations.tenantId, opts.tenantId), gt(schema.evaluations.id, after)))
      .orderBy(asc(schema.evaluations.id))
      .limit(pageSize);
    if (!rows.length) break;
    const missing = [...new Set(rows.map((r) => r.versionId))].filter((v) => !definitions.has(v));
    if (missing.length) {
      const versions = await db.select({ id: schema.scorecardVersions.id, definition: schema.scorecardVersions.definition }).from(schema.scorecardVersions).where(inArray(schema.scorecardVersions.id, missing));
      for (const v of versions) definitions.set(v.id, v.definition);
    }
    const args: (number | string | null)[] = [];
    const tuples: string[] = [];
    for (const r of rows) {
      const c = cachedOf(computeScore(definitions.get(r.versionId)!, r.answers as Record<string, string | number>));
      if (c.overallScore !== r.overall || c.failed !== r.failed) changed++;
      tuples.push('(?, ?, ?, ?, ?)');
      args.push(r.id, c.overallScore, JSON.stringify(c.dimensionScores), c.failed ? 1 : 0, JSON.stringify(c.criticalFlags));
    }
    // SQLite allows 32,766 host parameters per statement: 5 per row → at most 6,553 rows per UPDATE.
    const tx = await db.$client.transaction('write');
    try {
      for (let i = 0; i < tuples.length; i += 6000) {
        const part = tuples.slice(i, i + 6000);
        await tx.execute({
          sql: `WITH v(id, o, d, f, c) AS (VALUES ${part.join(',')})
                UPDATE evaluations SET overall_score = v.o, dimension_scores = v.d, failed = v.f, critical_flags = v.c FROM v WHERE evaluations.id = v.id`,
          args: args.slice(i * 5, (i + part.length) * 5)
        });
      }
      await tx.commit();
    } finally {
      tx.close();
    }
    done += rows.length;
    after = rows.at(-1)!.id;
    opts.onPage?.(done);
  }
  return { evaluations: done, changed };
}
