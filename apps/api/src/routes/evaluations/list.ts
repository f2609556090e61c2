import { z } from '@hono/zod-openapi';
import { listEvaluations } from '@attentive/core/evaluations/list-evaluations';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { EvaluationKind, EvaluationStatus } from '@attentive/shared/evaluation';
import { newRouter } from '../../router.ts';
import { queryId, queryInt } from '../params.ts';

const routes = {
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
              agentId: z.number().int().nullable(),
              agentName: z.string().nullable().openapi({ description: 'Null while the agent is not identified (a mystery call)' }),
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
  })
};

export function listEvaluationsRoute(deps: AppDeps) {
  return newRouter().openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const out = await listEvaluations({ ctx: ctxOf(c, deps), input: { ...q, mine: q.mine === 'true' ? true : undefined } });
    return c.json(out, 200);
  });
}
