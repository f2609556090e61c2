import { z } from '@hono/zod-openapi';
import { DisputeStatus } from '@attentive/shared/evaluation';
import { AnswerOrNull } from '@attentive/shared/scorecard';
import { Estimate } from '@attentive/shared/contract';

/** Shapes more than one coaching route file answers with. */
export const tags = ['Coaching'];
export const Created = z.object({ id: z.number().int() });

export const Dispute = z
  .object({
    id: z.number().int(),
    evaluationId: z.number().int(),
    agentId: z.number().int(),
    revision: z.number().int(),
    status: DisputeStatus,
    openedAt: z.string(),
    ageDays: z.number().int(),
    resolvedAt: z.string().nullable(),
    resolverLabel: z.string().nullable(),
    resolutionReason: z.string().nullable(),
    resultingRevision: z.number().int().nullable(),
    items: z.array(
      z.object({
        itemId: z.string(),
        text: z.string(),
        reason: z.string(),
        answerBefore: AnswerOrNull,
        proposedAnswer: AnswerOrNull,
        outcome: z.enum(['accepted', 'rejected']).nullable(),
        answerAfter: AnswerOrNull
      })
    )
  })
  .openapi('Dispute');

export const ItemEstimate = z.object({
  itemId: z.string(),
  text: z.string(),
  dimension: z.string(),
  critical: z.boolean(),
  estimate: Estimate
});
const Dims = z.object({ customer_friendly: Estimate, customer_oriented: Estimate, compliance: Estimate });

export const AgentSummary = z
  .object({
    agent: z.object({ id: z.number().int(), name: z.string(), code: z.string(), hireDate: z.string().nullable() }),
    monthCount: z.number().int(),
    months: z.array(z.object({ month: z.string(), n: z.number().int(), overall: Estimate, dimensions: Dims })),
    total: z.object({ n: z.number().int(), overall: Estimate }),
    recent: z.object({ since: z.string(), n: z.number().int(), overall: Estimate, dimensions: Dims }),
    position: z.object({
      since: z.string(),
      friendly: Estimate,
      oriented: Estimate,
      quadrant: z.enum(['both', 'friendly_only', 'oriented_only', 'neither']).nullable()
    }),
    path: z.array(z.object({ month: z.string(), n: z.number().int(), friendly: z.number(), oriented: z.number() })),
    strengths: z.array(ItemEstimate),
    weak: z.array(ItemEstimate),
    evaluations: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        submittedAt: z.string(),
        overallScore: z.number().nullable(),
        dimensionScores: z.record(z.string(), z.number().nullable()),
        failed: z.boolean(),
        revision: z.number().int(),
        evaluatorLabel: z.string(),
        programName: z.string(),
        acknowledged: z.boolean()
      })
    ),
    unread: z.number().int(),
    openActions: z.array(
      z.object({
        id: z.number().int(),
        text: z.string(),
        owner: z.enum(['agent', 'coach']),
        dueOn: z.string(),
        sessionId: z.number().int(),
        heldOn: z.string(),
        overdue: z.boolean()
      })
    ),
    selfEvaluations: z.array(
      z.object({
        id: z.number().int(),
        callId: z.number().int(),
        requestedAt: z.string(),
        requestedByLabel: z.string(),
        message: z.string().nullable()
      })
    ),
    openDisputes: z.array(z.object({ id: z.number().int(), evaluationId: z.number().int(), status: z.string(), openedAt: z.string() }))
  })
  .openapi('AgentSummary');
