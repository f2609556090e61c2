import { z } from '@hono/zod-openapi';
import { getSessionResults } from '@attentive/core/calibration/get-session-results';
import { recordConsensus } from '@attentive/core/calibration/record-consensus';
import { updateSessionNotes } from '@attentive/core/calibration/update-session-notes';
import { getEvaluatorDrift } from '@attentive/core/calibration/get-evaluator-drift';
import { CalibrationResults, EvaluatorDrift, RecordConsensusInput, SessionNotesInput } from '@attentive/shared/calibration-results';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, pathId } from '../params.ts';

// Calibration — the results slice (issue 15, docs/calibration-results.md).

const tags = ['Calibration'];

const ConsensusRecorded = z.object({
  sessionId: z.number().int(),
  callId: z.number().int(),
  recorded: z.number().int(),
  decidedAt: z.string()
});

const routes = {
  results: route({
    method: 'get',
    path: '/calibration/sessions/{id}/results',
    operationId: 'getCalibrationResults',
    tags,
    summary:
      "A revealed session's results: every participant's answers side by side per call, the spread, the agreed answers, Krippendorff's alpha (95% interval, band), percent agreement and Fleiss' kappa per item and overall, and each evaluator's deviation from the agreed answers. Before the reveal 409; a session the reader may not see 404",
    request: { params: IdParam },
    responses: { 200: json(CalibrationResults, 'Results') }
  }),
  consensus: route({
    method: 'put',
    path: '/calibration/sessions/{id}/calls/{callId}/consensus',
    operationId: 'recordCalibrationConsensus',
    tags,
    summary:
      'The facilitator records the agreed answer (basis: consensus or expert ruling, note) of items of one call, after the reveal (before: 409). Each answer is checked against its item (400 naming it); upsert per item; audited',
    request: { params: z.object({ id: pathId('id'), callId: pathId('callId') }), ...body(RecordConsensusInput) },
    responses: { 200: json(ConsensusRecorded, 'Recorded') }
  }),
  notes: route({
    method: 'put',
    path: '/calibration/sessions/{id}/notes',
    operationId: 'updateCalibrationNotes',
    tags,
    summary: "The facilitator's notes of the session's discussion (replaced; audited), before or after the reveal",
    request: { params: IdParam, ...body(SessionNotesInput) },
    responses: { 200: json(z.object({ sessionId: z.number().int(), notes: z.string() }), 'Saved') }
  }),
  drift: route({
    method: 'get',
    path: '/calibration/evaluators',
    operationId: 'getCalibrationEvaluatorDrift',
    tags,
    summary:
      "Each evaluator's deviation from the agreed answers per revealed session of the period (default the last 12 months), the drift (up / down / steady) and the items it deviates most on. Managers see every evaluator, a participant only itself",
    request: {
      query: z.object({
        from: z.iso
          .date()
          .optional()
          .openapi({ description: 'First day (YYYY-MM-DD, UTC) a session was revealed; default 12 months before `to`' }),
        to: z.iso.date().optional().openapi({ description: 'Last day, inclusive (YYYY-MM-DD, UTC); default today' })
      })
    },
    responses: { 200: json(EvaluatorDrift, 'Deviation per evaluator and session') }
  })
};

export function calibrationResultRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.results, async (c) =>
      c.json(await getSessionResults({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.consensus, async (c) => {
      const { id, callId } = c.req.valid('param');
      return c.json(await recordConsensus({ ctx: ctxOf(c, deps), input: { sessionId: id, callId, ...c.req.valid('json') } }), 200);
    })
    .openapi(routes.notes, async (c) =>
      c.json(await updateSessionNotes({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.drift, async (c) => c.json(await getEvaluatorDrift({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200));
}
