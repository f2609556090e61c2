import type { Db } from '@attentive/db';
import { cacheDefinitions, type DefinitionCache } from './definition-cache.ts';
import { cachedScoreDiff, cachedScoreOf } from './cached-score.ts';

export type CachedScoreMismatch = {
  evaluationId: number;
  tenantId: number;
  scorecardVersionId: number;
  column: string;
  stored: unknown;
  expected: unknown;
};
export type CachedScoreReport = { ok: true; checked: number } | { ok: false; checked: number; first: CachedScoreMismatch };

const num = (v: unknown) => (v == null ? null : Number(v));
const json = <T>(v: unknown): T | null => (v == null ? null : (JSON.parse(String(v)) as T));

/**
 * `pnpm scores:verify`: recomputes every evaluation's cached score (all tenants, drafts included) from
 * its stored answers and its frozen scorecard version through the one cache writer, and stops at the first
 * row whose cache differs. Revisions are history (scored by the formula of their day) and are not checked.
 * Reads only; pages by id.
 */
export async function verifyCachedScores(db: Db, opts: { pageSize?: number } = {}): Promise<CachedScoreReport> {
  const pageSize = opts.pageSize ?? 5000;
  const definitions: DefinitionCache = new Map();
  let after = 0;
  let checked = 0;
  for (;;) {
    const page = await db.$client.execute({
      sql: `SELECT id, tenant_id, scorecard_version_id, answers, overall_score, dimension_scores, friendly_score, oriented_score, compliance_score, failed, critical_flags
            FROM evaluations WHERE id > ? ORDER BY id LIMIT ?`,
      args: [after, pageSize]
    });
    if (!page.rows.length) return { ok: true, checked };
    await cacheDefinitions(
      db,
      definitions,
      page.rows.map((r) => Number(r.scorecard_version_id))
    );
    for (const r of page.rows) {
      const versionId = Number(r.scorecard_version_id);
      const { cached } = cachedScoreOf(definitions.get(versionId)!, json<Record<string, string | number>>(r.answers) ?? {});
      const diff = cachedScoreDiff(
        {
          overallScore: num(r.overall_score),
          dimensionScores: json(r.dimension_scores),
          friendlyScore: num(r.friendly_score),
          orientedScore: num(r.oriented_score),
          complianceScore: num(r.compliance_score),
          failed: Number(r.failed) === 1,
          criticalFlags: json(r.critical_flags)
        },
        cached
      );
      if (diff)
        return {
          ok: false,
          checked,
          first: { evaluationId: Number(r.id), tenantId: Number(r.tenant_id), scorecardVersionId: versionId, ...diff }
        };
      checked++;
    }
    after = Number(page.rows.at(-1)!.id);
  }
}
