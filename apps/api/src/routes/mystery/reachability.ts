import { z } from '@hono/zod-openapi';
import { getReachability } from '@attentive/core/mystery/reachability/get-reachability';
import { getImportedServiceLevel } from '@attentive/core/mystery/reachability/get-imported-service-level';
import { getScenarioResults } from '@attentive/core/mystery/reachability/get-scenario-results';
import { ImportedReachability, Reachability, ScenarioResults } from '@attentive/shared/mystery-reachability';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { queryId } from '../params.ts';

const tags = ['Mystery calls'];

/** Both reports take the same filter: a program (default: every one the reader may see) and local days. */
const ReportQuery = z.object({
  programId: queryId(),
  from: z.iso.date().optional().openapi({ description: 'First local day (YYYY-MM-DD); with `to`. Default: the last full month' }),
  to: z.iso.date().optional().openapi({ description: 'Last local day, inclusive (YYYY-MM-DD); with `from`' })
});

const routes = {
  reachability: route({
    method: 'get',
    path: '/mystery/reachability',
    operationId: 'getMysteryReachability',
    tags,
    summary:
      'Reachability from mystery calls: service level, mean and 90th percentile time to answer, share never reached, menu depth and transfers, overall and per weekday × hour (each with n and 95% interval)',
    request: { query: ReportQuery },
    responses: { 200: json(Reachability, 'Reachability') }
  }),
  imported: route({
    method: 'get',
    path: '/mystery/reachability/imported',
    operationId: 'getMysteryImportedServiceLevel',
    tags,
    summary:
      "The imported calls' own service level over the same programs, days and target, overall and per weekday × hour: answered calls only (imports hold no abandoned calls)",
    request: { query: ReportQuery },
    responses: { 200: json(ImportedReachability, "Imported calls' service level") }
  }),
  scenarioResults: route({
    method: 'get',
    path: '/mystery/scenario-results',
    operationId: 'getMysteryScenarioResults',
    tags,
    summary: 'Right-answer and oriented-opportunity rates of mystery calls per scenario and per program (Wilson intervals)',
    request: { query: ReportQuery },
    responses: { 200: json(ScenarioResults, 'Scenario results') }
  })
};

/** Mystery calls: reachability and scenario results (read-only; client auditors see their own clients' programs). */
export function reachabilityRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.reachability, async (c) => c.json(await getReachability({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.imported, async (c) => c.json(await getImportedServiceLevel({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.scenarioResults, async (c) =>
      c.json(await getScenarioResults({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
    );
}
