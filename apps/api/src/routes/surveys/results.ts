import { z } from '@hono/zod-openapi';
import { getSurveyResults } from '@attentive/core/surveys/results/get-survey-results';
import { getAgentSurveyResults } from '@attentive/core/surveys/results/get-agent-survey-results';
import { listSurveyAlerts } from '@attentive/core/surveys/results/list-survey-alerts';
import { handleSurveyAlert } from '@attentive/core/surveys/results/handle-survey-alert';
import { AgentSurveyResults, HandleSurveyAlert, SurveyAlertList, SurveyAlertStatus, SurveyResults } from '@attentive/shared/survey-results';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId, queryInt } from '../params.ts';

const tags = ['Callback surveys'];

/** Both result reads take the same filter: a program (default: every one the reader may see) and local days. */
const ResultsQuery = z.object({
  programId: queryId(),
  from: z.iso
    .date()
    .optional()
    .openapi({ description: 'First local day (YYYY-MM-DD) a callback list was drawn; with `to`. Default: the last full month' }),
  to: z.iso.date().optional().openapi({ description: 'Last local day, inclusive (YYYY-MM-DD); with `from`' })
});

const Handled = z.object({
  id: z.number().int(),
  status: z.literal('handled'),
  handledBy: z.string(),
  handledAt: z.string(),
  handledNote: z.string()
});

const routes = {
  results: route({
    method: 'get',
    path: '/surveys/results',
    operationId: 'getSurveyResults',
    tags,
    summary:
      'Callback survey results of the lists drawn in the period: CSAT mean and top-2-box, FCR, CES mean and share 5–7, NPS, promise kept (each with n and 95% interval), non-response (drawn, attempts, reach and response rate, per channel), low answers split agent / process, weekly trend',
    request: { query: ResultsQuery },
    responses: { 200: json(SurveyResults, 'Survey results') }
  }),
  agents: route({
    method: 'get',
    path: '/surveys/results/agents',
    operationId: 'getAgentSurveyResults',
    tags,
    summary:
      'For the agents the reader coaches, over the same period: QA score per dimension (submitted evaluations) next to CSAT and FCR from callbacks, each with n — correlation material, not a verdict',
    request: { query: ResultsQuery },
    responses: { 200: json(AgentSurveyResults, 'QA next to what customers say, per agent') }
  }),
  alerts: route({
    method: 'get',
    path: '/surveys/alerts',
    operationId: 'listSurveyAlerts',
    tags,
    summary: 'Low-score alerts (service recovery) of the agents the reader coaches: open first, newest first',
    request: {
      query: z.object({
        status: SurveyAlertStatus.optional(),
        limit: queryInt(1, 500).optional().openapi({ description: 'At most this many alerts (default 100)' })
      })
    },
    responses: { 200: json(SurveyAlertList, 'Alerts') }
  }),
  handle: route({
    method: 'post',
    path: '/surveys/alerts/{id}/handle',
    operationId: 'handleSurveyAlert',
    tags,
    summary: 'Marks an alert handled with a note on what was done for the customer (audited); handled already → 409',
    request: { params: IdParam, ...body(HandleSurveyAlert) },
    responses: { 200: json(Handled, 'Handled') }
  })
};

/** Callback surveys: metrics, non-response, QA next to CSAT, low-score alerts (docs/callback-surveys-results.md). */
export function surveyResultRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.results, async (c) => c.json(await getSurveyResults({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.agents, async (c) => c.json(await getAgentSurveyResults({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.alerts, async (c) => c.json(await listSurveyAlerts({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.handle, async (c) =>
      c.json(await handleSurveyAlert({ ctx: ctxOf(c, deps), input: { alertId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
