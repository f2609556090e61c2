import { z } from '@hono/zod-openapi';
import { AnswerValue, ScorecardDefinition, ScoreResult } from '@attentive/shared/scorecard';
import { EvaluationKind, EvaluationStatus } from '@attentive/shared/evaluation';
import { CallFacts } from '@attentive/shared/contract';
import { orNull } from '../../openapi.ts';

/** The shapes of the evaluation API, named for the OpenAPI document. */
export const Evaluation = z
  .object({
    id: z.number().int(),
    callId: z.number().int().nullable(),
    agentId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Null while the agent is not identified (a mystery call before it is matched)' }),
    programId: z.number().int(),
    scorecardVersionId: z.number().int(),
    evaluatorId: z.number().int().nullable(),
    evaluatorLabel: z.string(),
    kind: EvaluationKind,
    status: EvaluationStatus,
    revision: z.number().int().openapi({ description: 'Latest submitted revision; 0 while a draft' }),
    version: z.number().int().openapi({ description: 'Concurrency token: send it back when saving a draft or submitting' }),
    answers: z.record(z.string(), AnswerValue),
    overallScore: z.number().nullable(),
    dimensionScores: z.record(z.string(), z.number().nullable()),
    failed: z.boolean(),
    criticalFlags: z.array(z.string()),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .openapi('Evaluation');

export const Revision = z
  .object({
    revision: z.number().int(),
    answers: z.record(z.string(), AnswerValue),
    result: ScoreResult.describe('The full computeScore result of these answers'),
    overallScore: z.number().nullable(),
    failed: z.boolean(),
    authorId: z.number().int().nullable(),
    authorLabel: z.string(),
    at: z.string(),
    reason: z.string().nullable()
  })
  .openapi('EvaluationRevision');

export const Comment = z
  .object({
    id: z.number().int(),
    itemId: z.string().nullable(),
    text: z.string(),
    atSeconds: z.number().nullable(),
    turnIndex: z.number().int().nullable(),
    authorId: z.number().int().nullable(),
    authorLabel: z.string(),
    createdAt: z.string()
  })
  .openapi('EvaluationComment');

export const Turn = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });

export const Contact = z.object({
  agent: z.object({ id: z.number().int(), name: z.string(), code: z.string() }).nullable(),
  team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  program: z.object({ id: z.number().int(), name: z.string(), client: z.string() })
});

/** The call an evaluation is about (none for an evaluation without a call): the facts every view of a call shows. */
export const EvaluatedCall = orNull(CallFacts);

/** The scorecard definition and score result are documented in docs/scoring.md; typed in @attentive/shared/scorecard. */
export const Definition = ScorecardDefinition;

export const Score = ScoreResult;

/** One evaluation with everything its screen shows; the coaching views extend it. */
export const EvaluationDetail = z
  .object({
    evaluation: Evaluation,
    canChange: z.boolean(),
    scorecard: z.object({ versionId: z.number().int(), version: z.number().int(), definition: Definition }),
    score: Score,
    revisions: z.array(Revision),
    comments: z.array(Comment),
    contact: Contact,
    call: EvaluatedCall,
    transcript: z.array(Turn)
  })
  .openapi('EvaluationDetail');
