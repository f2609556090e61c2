import { createCalibrationSession } from '@attentive/core/calibration/create-session';
import { getCalibrationSession } from '@attentive/core/calibration/get-session';
import { listCalibrationSessions } from '@attentive/core/calibration/list-sessions';
import { revealSession } from '@attentive/core/calibration/reveal-session';
import { calibrationSessionOptions } from '@attentive/core/calibration/session-options';
import {
  CalibrationOptions,
  CalibrationRevealOutcome,
  CalibrationSessionDetail,
  CalibrationSessionList,
  CreateCalibrationSessionInput,
  ListCalibrationSessionsQuery
} from '@attentive/shared/calibration-sessions';
import { z } from '@hono/zod-openapi';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, getById, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId } from '../params.ts';

const tags = ['Calibration'];
const BLIND =
  "Scoring is blind: before the reveal nobody — not the facilitator, not an admin — reads another participant's answers or scores, only how many each has submitted.";

/** Calibration sessions: make (managers), list and read (managers; participants their own), reveal (managers). */
export function calibrationSessionRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/calibration/sessions',
        operationId: 'listCalibrationSessions',
        tags,
        summary:
          'Calibration sessions: admins and QA analysts see all of the tenant, team leads and client auditors the ones they take part in',
        description: `Newest first, each with its status, deadline and progress (submitted of expected scores, and the reader's own). Agents and tokens: 403. ${BLIND}`,
        request: { query: ListCalibrationSessionsQuery },
        responses: { 200: json(CalibrationSessionList, 'Sessions') }
      }),
      async (c) => c.json(await listCalibrationSessions({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/calibration/sessions',
        operationId: 'createCalibrationSession',
        tags,
        summary: 'Make a calibration session (admins and QA analysts; the maker facilitates)',
        description:
          "The program's current published scorecard version is fixed for the session. Calls are chosen (each of the program) or drawn at random from a period of local days (HMAC ranks with a fresh seed, stored so the draw can be repeated; fewer calls in the period than asked: all of them). Participants: at least 2 people who are admins, QA analysts, team leads or auditors of the program's client — never agents. A bad call or person is named (400) and nothing is stored.",
        request: body(CreateCalibrationSessionInput),
        responses: { 201: json(CalibrationSessionDetail, 'Made') }
      }),
      async (c) => c.json(await createCalibrationSession({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201)
    )
    .openapi(
      getById('/calibration/sessions/{id}', CalibrationSessionDetail, 'Session', {
        operationId: 'getCalibrationSession',
        tags,
        summary:
          "One session: its calls (with the reader's own progress), each participant's progress, and whether the reader may score or reveal",
        description: `Managers and the session's participants; anyone else 404. ${BLIND}`
      }),
      async (c) => c.json(await getCalibrationSession({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/calibration/sessions/{id}/reveal',
        operationId: 'revealCalibrationSession',
        tags,
        summary:
          'Reveal a session (admins and QA analysts): from now on its participants see every answer side by side and no score changes',
        description:
          'Allowed once every participant has submitted every call, or after the deadline (missing scores stay missing). Scores still missing before the deadline: 409 saying how many. Once only (again: 409).',
        request: { params: IdParam },
        responses: { 200: json(CalibrationRevealOutcome, 'Revealed') }
      }),
      async (c) => c.json(await revealSession({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/calibration/options',
        operationId: 'calibrationSessionOptions',
        tags,
        summary:
          "What the session form picks from (admins and QA analysts): programs with a published scorecard; for `programId`, who may take part and the program's calls of the last 30 days",
        request: { query: z.object({ programId: queryId() }) },
        responses: { 200: json(CalibrationOptions, 'Options') }
      }),
      async (c) => c.json(await calibrationSessionOptions({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
    );
}
