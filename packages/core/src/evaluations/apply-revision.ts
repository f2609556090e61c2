import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { insertRevision } from './insert-revision.ts';
import { compactAnswers, scoreAnswers, type AnswerMap } from './score.ts';

type EvaluationRow = typeof schema.evaluations.$inferSelect;

/**
 * The revise step of reviseEvaluation for a caller that already holds a transaction and has checked
 * its own policy (e.g. resolving a dispute): a new revision with who, when and why, the cached score on
 * the evaluation, and the 'evaluation.revise' audit row. Same rules as reviseEvaluation: submitted only,
 * something must change, the scorecard's validation applies.
 */
export async function applyRevisionInTx(
  tx: DbOrTx,
  ctx: Ctx,
  args: { evaluation: EvaluationRow; definition: ScorecardDefinition; answers: AnswerMap; reason: string; audit?: Record<string, unknown> }
) {
  const { evaluation, definition } = args;
  if (evaluation.status !== 'submitted') throw conflict('This evaluation is still a draft: submit it first');
  const answers = compactAnswers(args.answers);
  const before = evaluation.answers as Record<string, unknown>;
  const changed = changedKeys(before, answers);
  if (!changed.length)
    throw invalid('No answer changed: a revision must change at least one answer', [
      { path: 'answers', message: 'identical to the current revision' }
    ]);
  const { result, cached, revision: scored } = scoreAnswers(definition, answers, { requireComplete: true });
  const now = nowOf(ctx);
  const next = evaluation.revision + 1;
  const revision = await insertRevision(tx, ctx.principal, {
    evaluationId: evaluation.id,
    revision: next,
    answers,
    scored,
    at: now,
    reason: args.reason
  });
  const [row] = await tx
    .update(schema.evaluations)
    .set({ answers, ...cached, revision: next, version: evaluation.version + 1, updatedAt: now })
    .where(and(eq(schema.evaluations.id, evaluation.id), eq(schema.evaluations.revision, evaluation.revision)))
    .returning();
  if (!row) throw conflict('This evaluation was revised by someone else; reload to see the latest');
  const after = { revision: next, overallScore: result.score, answers: pick(answers, changed), reason: args.reason, ...args.audit };
  await writeAudit(
    tx,
    ctx,
    {
      action: 'evaluation.revise',
      objectType: 'evaluation',
      objectId: evaluation.id,
      before: { revision: evaluation.revision, overallScore: evaluation.overallScore, answers: pick(before, changed) },
      after
    },
    now
  );
  return { evaluation: row, revision, result };
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]);
}

const pick = (a: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, a[k] ?? null]));
