import { z } from '@hono/zod-openapi';
import { CalibrationMyScore, CalibrationScoring, SaveCalibrationScoreBody } from '@attentive/shared/calibration-scoring';
import { getCalibrationScoring, getMyCalibrationScore } from '@attentive/core/calibration/get-calibration-scoring';
import { saveCalibrationScore } from '@attentive/core/calibration/save-calibration-score';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { pathId } from '../params.ts';

/**
 * Calibration — blind scoring (issue 15, docs/calibration-scoring.md): a participant scores a session's calls on
 * the session's scorecard version. Only the participant's own score is ever read or written here.
 */
const tags = ['Calibration'];
const ScoreParams = z.object({ id: pathId('id'), callId: pathId('callId') });
const path = '/calibration/sessions/{id}/calls/{callId}/score';

const routes = {
  get: route({
    method: 'get',
    path,
    operationId: 'getCalibrationScoring',
    tags,
    summary: 'One call of a calibration session to score blind: the call, transcript, scorecard, your own score, position',
    description:
      'Participants only: a session you may not read is a 404, a manager who is not a participant gets 403 (managers see who has scored, never what). No other evaluation of the call is included. After the reveal it opens read-only.',
    request: { params: ScoreParams },
    responses: { 200: json(CalibrationScoring, 'The call to score and your own score of it') }
  }),
  put: route({
    method: 'put',
    path,
    operationId: 'saveCalibrationScore',
    tags,
    summary: 'Save your score of a call as a draft, or submit it (every required item answered)',
    description:
      'A submitted score changes only by submitting again (a new revision) until the reveal; afterwards 409. `version` is the one you read (stale: 409). A bad answer is a 400 naming `answers.<item>`.',
    request: { params: ScoreParams, ...body(SaveCalibrationScoreBody) },
    responses: { 200: json(CalibrationMyScore, 'Your score as it now stands') }
  })
};

export function calibrationScoringRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.get, async (c) => {
      const { id, callId } = c.req.valid('param');
      return c.json(await getCalibrationScoring({ ctx: ctxOf(c, deps), input: { sessionId: id, callId } }), 200);
    })
    .openapi(routes.put, async (c) => {
      const { id, callId } = c.req.valid('param');
      const ctx = ctxOf(c, deps);
      await saveCalibrationScore({ ctx, input: { ...c.req.valid('json'), sessionId: id, callId } });
      return c.json(await getMyCalibrationScore({ ctx, input: { sessionId: id, callId } }), 200);
    });
}
