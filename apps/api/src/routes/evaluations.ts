import { z } from '@hono/zod-openapi';
import { addComment } from '@attentive/core/evaluations/add-comment';
import { getEvaluation } from '@attentive/core/evaluations/get-evaluation';
import { listEvaluations } from '@attentive/core/evaluations/list-evaluations';
import { aggregateScores } from '@attentive/core/evaluations/aggregate-scores';
import { previewScore } from '@attentive/core/evaluations/preview-score';
import { prepareEvaluation } from '@attentive/core/evaluations/prepare-evaluation';
import { reviseEvaluation } from '@attentive/core/evaluations/revise-evaluation';
import { saveDraft } from '@attentive/core/evaluations/save-draft';
import { startEvaluation } from '@attentive/core/evaluations/start-evaluation';
import { submitEvaluation } from '@attentive/core/evaluations/submit-evaluation';
import type { AppDeps } from '../context.ts';
import { ctxOf } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { AnswerValue, Answers, ScorecardDefinition, ScoreResult } from '@attentive/shared/scorecard';
import { Estimate } from '@attentive/shared/contract';
import { EvaluationKind, EvaluationStatus } from '@attentive/shared/evaluation';
import { newRouter } from '../router.ts';
import { IdParam, queryId, queryInt } from './params.ts';
import { AddCommentInput } from '@attentive/core/evaluations/add-comment';
import { ReviseEvaluationInput } from '@attentive/core/evaluations/revise-evaluation';

const Evaluation = z
  .object({
    id: z.number().int(),
    callId: z.number().int().nullable(),
    agentId: z.number().int(),
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

const Revision = z
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

const Comment = z
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

const Turn = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });
const Contact = z.object({
  agent: z.object({ id: z.number().int(), name: z.string(), code: z.string() }),
  team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  program: z.object({ id: z.number().int(), name: z.string(), client: z.string() })
});
const CallFacts = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    startedAt: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    queue: z.string().nullable(),
    waitSeconds: z.number(),
    talkSeconds: z.number(),
    holdSeconds: z.number(),
    transfers: z.number().int(),
    disposition: z.string().nullable(),
    language: z.string().nullable(),
    hasRecording: z.boolean()
  })
  .nullable();
/** The scorecard definition and score result are documented in docs/scoring.md; typed in @attentive/shared/scorecard. */
const Definition = ScorecardDefinition;
const Score = ScoreResult;

const EvaluationDetail = z
  .object({
    evaluation: Evaluation,
    canChange: z.boolean(),
    scorecard: z.object({ versionId: z.number().int(), version: z.number().int(), definition: Definition }),
    score: Score,
    revisions: z.array(Revision),
    comments: z.array(Comment),
    contact: Contact,
    call: CallFacts,
    transcript: z.array(Turn)
  })
  .openapi('EvaluationDetail');

const routes = {
  context: route({
    method: 'get',
    path: '/calls/{id}/evaluation-context',
    operationId: 'getEvaluationContext',
    tags: ['Evaluations'],
    summary: 'What the evaluation screen needs for a call: facts, transcript, scorecard, existing evaluations',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({
          contact: Contact,
          call: CallFacts,
          transcript: z.array(Turn),
          canEvaluate: z.boolean(),
          myDraftId: z.number().int().nullable(),
          countingEvaluationId: z.number().int().nullable().openapi({
            description:
              'The submitted evaluation this call counts with toward its agent (at most one per call); a second scoring is refused'
          }),
          evaluations: z.array(
            z.object({
              id: z.number().int(),
              status: EvaluationStatus,
              kind: EvaluationKind,
              evaluatorId: z.number().int().nullable(),
              evaluatorLabel: z.string(),
              revision: z.number().int(),
              overallScore: z.number().nullable(),
              updatedAt: z.string(),
              mine: z.boolean()
            })
          ),
          scorecard: z
            .object({ versionId: z.number().int(), version: z.number().int(), name: z.string(), definition: Definition })
            .nullable()
        }),
        'Evaluation context'
      )
    }
  }),
  start: route({
    method: 'post',
    path: '/evaluations',
    operationId: 'startEvaluation',
    tags: ['Evaluations'],
    summary: 'Start (or resume) a draft evaluation of a call, or of an agent without a recording (live monitoring)',
    request: {
      ...body(
        z.object({
          callId: z.number().int().positive().optional(),
          agentId: z.number().int().positive().optional(),
          programId: z.number().int().positive().optional(),
          kind: z.enum(['sampled', 'live', 'mystery']).optional()
        })
      )
    },
    responses: { 200: json(z.object({ created: z.boolean(), evaluation: Evaluation }), 'The draft') }
  }),
  list: route({
    method: 'get',
    path: '/evaluations',
    operationId: 'listEvaluations',
    tags: ['Evaluations'],
    summary: 'Evaluations you may read, newest first',
    request: {
      query: z.object({
        status: EvaluationStatus.optional(),
        kind: EvaluationKind.optional(),
        agentId: queryId(),
        teamId: queryId(),
        programId: queryId(),
        callId: queryId(),
        mine: z.enum(['true', 'false']).optional(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        cursor: z.string().optional(),
        limit: queryInt(1, 200).optional()
      })
    },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              callId: z.number().int().nullable(),
              kind: EvaluationKind,
              status: EvaluationStatus,
              revision: z.number().int(),
              overallScore: z.number().nullable(),
              dimensionScores: z.record(z.string(), z.number().nullable()),
              failed: z.boolean(),
              criticalFlags: z.array(z.string()),
              submittedAt: z.string().nullable(),
              updatedAt: z.string(),
              evaluatorLabel: z.string(),
              agentId: z.number().int(),
              agentName: z.string(),
              teamName: z.string().nullable(),
              programId: z.number().int(),
              programName: z.string(),
              callStartedAt: z.string().nullable()
            })
          ),
          nextCursor: z.string().nullable()
        }),
        'A page of evaluations'
      )
    }
  }),
  aggregates: route({
    method: 'get',
    path: '/evaluations/aggregates',
    operationId: 'getEvaluationAggregates',
    tags: ['Evaluations'],
    summary: 'Mean scores per agent, team or program, overall and per dimension, each with n and a 95% interval',
    request: {
      query: z.object({
        groupBy: z.enum(['agent', 'team', 'program']).optional(),
        programId: queryId(),
        teamId: queryId(),
        agentId: queryId(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        kinds: z.string().optional().openapi({ description: 'Comma-separated kinds; default sampled,live,mystery' })
      })
    },
    responses: {
      200: json(
        z.object({
          groupBy: z.enum(['agent', 'team', 'program']),
          rows: z.array(
            z.object({
              group: z.object({ id: z.number().int().nullable(), name: z.string() }),
              n: z.number().int(),
              overall: Estimate,
              dimensions: z.object({ customer_friendly: Estimate, customer_oriented: Estimate, compliance: Estimate }),
              failRate: Estimate
            })
          )
        }),
        'Aggregates'
      )
    }
  }),
  get: route({
    method: 'get',
    path: '/evaluations/{id}',
    operationId: 'getEvaluation',
    tags: ['Evaluations'],
    summary: 'One evaluation with scorecard, live score, revisions, comments, call facts and transcript',
    request: { params: IdParam },
    responses: { 200: json(EvaluationDetail, 'The evaluation') }
  }),
  saveDraft: route({
    method: 'put',
    path: '/evaluations/{id}/draft',
    operationId: 'saveEvaluationDraft',
    tags: ['Evaluations'],
    summary: 'Autosave the answers of a draft (send the version you edited; a stale one gets 409)',
    request: { params: IdParam, ...body(z.object({ version: z.number().int().min(1), answers: Answers })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, score: Score }), 'Saved') }
  }),
  submit: route({
    method: 'post',
    path: '/evaluations/{id}/submit',
    operationId: 'submitEvaluation',
    tags: ['Evaluations'],
    summary: 'Submit a draft: creates revision 1; every required item must be answered',
    request: { params: IdParam, ...body(z.object({ version: z.number().int().min(1), answers: Answers.optional() })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, revision: Revision, score: Score }), 'Submitted') }
  }),
  revise: route({
    method: 'post',
    path: '/evaluations/{id}/revisions',
    operationId: 'reviseEvaluation',
    tags: ['Evaluations'],
    summary: 'Change a submitted evaluation: a new revision with a required reason (send the revision you edited)',
    request: { params: IdParam, ...body(ReviseEvaluationInput.omit({ evaluationId: true })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, revision: Revision, score: Score }), 'Revised') }
  }),
  preview: route({
    method: 'post',
    path: '/evaluations/{id}/score-preview',
    operationId: 'previewEvaluationScore',
    tags: ['Evaluations'],
    summary: 'The score these answers would get, stored nowhere (live score while editing a submitted evaluation)',
    request: { params: IdParam, ...body(z.object({ answers: Answers })) },
    responses: { 200: json(z.object({ score: Score }), 'The score') }
  }),
  comment: route({
    method: 'post',
    path: '/evaluations/{id}/comments',
    operationId: 'addEvaluationComment',
    tags: ['Evaluations'],
    summary: 'Comment on an evaluation, an item, a moment of the recording or a transcript line',
    request: {
      params: IdParam,
      ...body(AddCommentInput.omit({ evaluationId: true }))
    },
    responses: { 201: json(Comment, 'Added') }
  })
};

export function evaluationRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.context, async (c) => {
      const out = await prepareEvaluation({ ctx: ctxOf(c, deps), input: { callId: c.req.valid('param').id } });
      return c.json(out, 200);
    })
    .openapi(routes.start, async (c) => c.json(await startEvaluation({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200))
    .openapi(routes.list, async (c) => {
      const q = c.req.valid('query');
      const out = await listEvaluations({ ctx: ctxOf(c, deps), input: { ...q, mine: q.mine === 'true' ? true : undefined } });
      return c.json(out, 200);
    })
    .openapi(routes.aggregates, async (c) => {
      const { kinds, ...q } = c.req.valid('query');
      const out = await aggregateScores({ ctx: ctxOf(c, deps), input: { ...q, kinds: kinds ? (kinds.split(',') as never) : undefined } });
      return c.json(out, 200);
    })
    .openapi(routes.get, async (c) =>
      c.json(await getEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.saveDraft, async (c) => {
      const out = await saveDraft({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.submit, async (c) => {
      const out = await submitEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.revise, async (c) => {
      const out = await reviseEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.preview, async (c) => {
      const out = await previewScore({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.comment, async (c) => {
      const out = await addComment({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 201);
    });
}
