import { z } from '@hono/zod-openapi';
import { getPortalHome } from '@attentive/core/client-audit/portal/get-portal-home';
import { getProgramTeams } from '@attentive/core/client-audit/portal/get-program-teams';
import { listPortalClients } from '@attentive/core/client-audit/portal/list-portal-clients';
import { listProgramSampleRuns } from '@attentive/core/client-audit/portal/list-program-sample-runs';
import { Month } from '@attentive/shared/client-metrics';
import { PortalClients, PortalHome, ProgramTeams } from '@attentive/shared/client-portal';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { json, jsonList, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { pathId, queryId } from '../params.ts';
import { RunListItem } from '../sampling/schemas.ts';

const tags = ['Client portal'];
const MonthQuery = Month.optional().openapi({ description: 'A month on the contact center clock (YYYY-MM); default: the current month' });
const ProgramParam = z.object({ programId: pathId('programId') });

const routes = {
  clients: route({
    method: 'get',
    path: '/client/clients',
    operationId: 'listPortalClients',
    tags,
    summary: 'The clients whose portal the reader may open: an admin every client, a client auditor its own',
    responses: { 200: json(PortalClients, 'Clients') }
  }),
  home: route({
    method: 'get',
    path: '/client/home',
    operationId: 'getPortalHome',
    tags,
    summary:
      "A client's month per program: every client metric with n and 95% interval, the 12-month trend, the change since the month before (larger than the noise or not), and the contact center's average over all clients (no names)",
    request: {
      query: z.object({
        clientId: queryId().openapi({ description: 'The client; required for admins and for auditors of several clients' }),
        month: MonthQuery
      })
    },
    responses: { 200: json(PortalHome, 'The portal home') }
  }),
  teams: route({
    method: 'get',
    path: '/client/programs/{programId}/teams',
    operationId: 'getPortalProgramTeams',
    tags,
    summary:
      "Per team of the program's agents in the month: n, QA score, customer-friendly and customer-oriented scores with 95% intervals",
    request: { params: ProgramParam, query: z.object({ month: MonthQuery }) },
    responses: { 200: json(ProgramTeams, 'Teams') }
  }),
  sampleRuns: route({
    method: 'get',
    path: '/client/programs/{programId}/sample-runs',
    operationId: 'listPortalProgramSampleRuns',
    tags,
    summary: "The program's sample runs, newest first; each is verifiable at /sampling/runs/{id}/verify",
    request: { params: ProgramParam },
    responses: { 200: jsonList(RunListItem, 'Runs') }
  })
};

/** The client's portal: each program's month and trend, drill-down to teams and evaluations, sample verification, benchmark (H3). */
export function clientPortalRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.clients, async (c) => c.json(await listPortalClients({ ctx: ctxOf(c, deps) }), 200))
    .openapi(routes.home, async (c) => c.json(await getPortalHome({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.teams, async (c) =>
      c.json(
        await getProgramTeams({ ctx: ctxOf(c, deps), input: { ...c.req.valid('query'), programId: c.req.valid('param').programId } }),
        200
      )
    )
    .openapi(routes.sampleRuns, async (c) =>
      c.json(await listProgramSampleRuns({ ctx: ctxOf(c, deps), input: { programId: c.req.valid('param').programId } }), 200)
    );
}
