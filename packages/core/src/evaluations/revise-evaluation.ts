import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorOf } from './actor.ts';
import { evaluationDto, revisionDto } from './dto.ts';
import { AnswersInput, Id, parseInput } from './inputs.ts';
import { expectVersion, loadForChange } from './load-for-change.ts';
import { compactAnswers, scoreAnswers } from './score.ts';

export const ReviseEvaluationInput = z.object({
  evaluationId: Id,
  /** The revision the client edited: if someone revised in between, 409. */
  revision: z.number().int().min(1),
  answers: AnswersInput,
  reason: z.string().trim().min(3, 'say why the evaluation changes (at least 3 characters)').max(2000)
});

/**
 * Changes a submitted evaluation as a new revision with who, when and why. Earlier revisions stay
 * as they were; the evaluation row caches the new result. Audited in the same transaction.
 */
export async function reviseEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReviseEvaluationInput> }) {
  const data = parseInput(ReviseEvaluationInput, input);
  return ctx.db.transaction(async (tx) => {
    const { evaluation, definition } = await loadForChange(tx, ctx.principal, data.evaluationId);
    if (evaluation.status !== 'submitted') throw conflict('This evaluation is still a draft: submit it first');
    expectVersion(evaluation.revision, data.revision, `Revision ${data.revision}`);
    const answers = compactAnswers(data.answers);
    const before = evaluation.answers as Record<string, unknown>;
    if (sameAnswers(before, answers)) throw invalid('No answer changed: a revision must change at least one answer', [{ path: 'answers', message: 'identical to the current revision' }]);
    const { result, cached } = scoreAnswers(definition, answers, { requireComplete: true });
    const now = nowOf(ctx);
    const me = authorOf(ctx.principal);
    const next = evaluation.revision + 1;
    const [revision] = await tx
      .insert(schema.evaluationRevisions)
      .values({ evaluationId: evaluation.id, revision: next, answers, result, overallScore: result.score, failed: result.failed, authorId: me.id, authorLabel: me.label, at: now, reason: data.reason })
      .returning();
    const [row] = await tx
      .update(schema.evaluations)
      .set({ answers, ...cached, revision: next, version: evaluation.version + 1, updatedAt: now })
      .where(and(eq(schema.evaluations.id, evaluation.id), eq(schema.evaluations.revision, evaluation.revision)))
      .returning();
    if (!row) throw conflict('This evaluation was revised by someone else; reload to see the latest');
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: 'evaluation.revise',
        objectType: 'evaluation',
        objectId: evaluation.id,
        before: { revision: evaluation.revision, overallScore: evaluation.overallScore, answers: changedOnly(before, answers) },
        after: { revision: next, overallScore: result.score, answers: changedOnly(answers, before), reason: data.reason }
      },
      now
    );
    return { evaluation: evaluationDto(row), revision: revisionDto(revision!), score: result };
  });
}

function sameAnswers(a: Record<string, unknown>, b: Record<string, unknown>) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** The answers of `a` that differ from `b`, for a compact audit row. */
function changedOnly(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return Object.fromEntries([...keys].filter((k) => a[k] !== b[k]).map((k) => [k, a[k] ?? null]));
}
