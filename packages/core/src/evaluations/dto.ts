import type { schema } from '@attentive/db';
import type { ScoreResult } from '@attentive/shared/scorecard';

type EvaluationRow = typeof schema.evaluations.$inferSelect;
type RevisionRow = typeof schema.evaluationRevisions.$inferSelect;
type CommentRow = typeof schema.evaluationComments.$inferSelect;

/** The shapes the verbs return (and the API serialises): times as ISO strings. */
export function evaluationDto(e: EvaluationRow) {
  return {
    id: e.id,
    callId: e.callId,
    agentId: e.agentId,
    programId: e.programId,
    scorecardVersionId: e.scorecardVersionId,
    evaluatorId: e.evaluatorId,
    evaluatorLabel: e.evaluatorLabel,
    kind: e.kind,
    status: e.status,
    revision: e.revision,
    version: e.version,
    answers: e.answers as Record<string, string | number>,
    overallScore: e.overallScore,
    dimensionScores: e.dimensionScores ?? {},
    failed: e.failed,
    criticalFlags: e.criticalFlags,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString()
  };
}

export function revisionDto(r: RevisionRow) {
  return {
    revision: r.revision,
    answers: r.answers as Record<string, string | number>,
    /** Written by cachedScoreOf, i.e. computeScore (revisions stored before per-item results have no `items`). */
    result: r.result as ScoreResult,
    overallScore: r.overallScore,
    failed: r.failed,
    authorId: r.authorId,
    authorLabel: r.authorLabel,
    at: r.at.toISOString(),
    reason: r.reason
  };
}

export function commentDto(c: CommentRow) {
  return {
    id: c.id,
    itemId: c.itemId,
    text: c.text,
    atSeconds: c.atSeconds,
    turnIndex: c.turnIndex,
    authorId: c.authorId,
    authorLabel: c.authorLabel,
    createdAt: c.createdAt.toISOString()
  };
}

export type EvaluationDto = ReturnType<typeof evaluationDto>;
export type RevisionDto = ReturnType<typeof revisionDto>;
export type CommentDto = ReturnType<typeof commentDto>;
