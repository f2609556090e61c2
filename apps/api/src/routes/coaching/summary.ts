import { z } from '@hono/zod-openapi';
import { agentSummary } from '@attentive/core/coaching/agent-summary';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { queryInt } from '../params.ts';
import { tags, AgentSummary } from './schemas.ts';

const Months = z.object({ months: queryInt(1, 24).optional() });

const routes = {
  mySummary: route({
    method: 'get',
    path: '/me/summary',
    operationId: 'getMySummary',
    tags,
    summary:
      "The signed-in agent's home: unread evaluations, scores per month and dimension (n, 95% interval), friendly × oriented position and path, strengths, weak items, open actions",
    request: { query: Months },
    responses: { 200: json(AgentSummary, 'Summary') }
  }),
  agentSummary: route({
    method: 'get',
    path: '/coaching/agents/{id}/summary',
    operationId: 'getAgentSummary',
    tags,
    summary: "An agent's summary, for its coaches (or the agent itself)",
    request: { params: IdParam, query: Months },
    responses: { 200: json(AgentSummary, 'Summary') }
  })
};

/** An agent's summary: its own home (/me/summary) and the same for its coaches. */
export function agentSummaryRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.mySummary, async (c) =>
      c.json(await agentSummary({ ctx: ctxOf(c, deps), input: { months: c.req.valid('query').months } }), 200)
    )
    .openapi(routes.agentSummary, async (c) =>
      c.json(
        await agentSummary({ ctx: ctxOf(c, deps), input: { agentId: c.req.valid('param').id, months: c.req.valid('query').months } }),
        200
      )
    );
}
