// `pnpm scores:verify`: recomputes every evaluation's cached score (overall, per dimension, failed,
// critical flags) from its answers and frozen scorecard version, and names the first row that differs.
// Exit code 0 = every cache matches, 1 = a row differs. `--rescore` first rewrites every cache from the
// answers through the same writer (e.g. after a fix to the formula), then verifies.
import { pathToFileURL } from 'node:url';
import { schema, type Db } from '@attentive/db';
import { rescoreEvaluations } from '@attentive/core/evaluations/rescore-evaluations';
import { verifyCachedScores } from '@attentive/core/evaluations/verify-cached-scores';
import { runCheckCommand } from './run-check.ts';

const show = (v: unknown) => (v == null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function scoresVerifyReport(db: Db): Promise<{ ok: boolean; message: string }> {
  const report = await verifyCachedScores(db);
  if (report.ok) return { ok: true, message: `Cached scores match the answers: ${report.checked} evaluation(s) verified.` };
  const f = report.first;
  return {
    ok: false,
    message:
      `Cached score DIFFERS at evaluation ${f.evaluationId} (tenant ${f.tenantId}, scorecard version ${f.scorecardVersionId}): ` +
      `${f.column} is ${show(f.stored)}, the answers give ${show(f.expected)}. ${report.checked} evaluation(s) before it verified. ` +
      'Run `pnpm scores:verify --rescore` to rewrite every cache from the answers.'
  };
}

/** Rewrites the cached scores of every tenant from the answers (the one writer), then verifies. */
export async function rescoreAll(db: Db) {
  const tenants = await db.select({ id: schema.tenants.id }).from(schema.tenants);
  let changed = 0;
  for (const t of tenants) changed += (await rescoreEvaluations(db, { tenantId: t.id })).changed;
  return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runCheckCommand(async (db) => {
    if (process.argv.includes('--rescore'))
      console.log(`Re-scored every evaluation from its answers (${await rescoreAll(db)} overall score(s) or fail flags changed).`);
    return scoresVerifyReport(db);
  });
}
