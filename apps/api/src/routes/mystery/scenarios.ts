import { z } from '@hono/zod-openapi';
import { CreateScenarioInput, ReviseScenarioBody, Scenario, ScenarioDetail } from '@attentive/shared/mystery-scenarios';
import { createScenario } from '@attentive/core/mystery/scenarios/create-scenario';
import { getScenario } from '@attentive/core/mystery/scenarios/get-scenario';
import { listScenarios } from '@attentive/core/mystery/scenarios/list-scenarios';
import { restoreScenario } from '@attentive/core/mystery/scenarios/restore-scenario';
import { retireScenario } from '@attentive/core/mystery/scenarios/retire-scenario';
import { reviseScenario } from '@attentive/core/mystery/scenarios/revise-scenario';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, getById, json, jsonList, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId } from '../params.ts';

/** Mystery calls: the scenario library (issue 13). Managers keep it; client auditors read their own programs'. */
const tags = ['Mystery calls'];

/** A POST without a body that changes one scenario's state (`/mystery/scenarios/{id}/<what>`). */
const onScenario = <const W extends string>(what: W, operationId: string, summary: string, answer: string) =>
  route({
    method: 'post',
    path: `/mystery/scenarios/{id}/${what}`,
    operationId,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: json(ScenarioDetail, answer) }
  });

const routes = {
  list: route({
    method: 'get',
    path: '/mystery/scenarios',
    operationId: 'listMysteryScenarios',
    tags,
    summary: 'Scenarios of the library, each with its current version (admins, QA: every program; client auditors: their own)',
    request: {
      query: z.object({
        programId: queryId(),
        includeRetired: z.enum(['true', 'false']).optional().openapi({ description: 'Retired scenarios too (default false)' })
      })
    },
    responses: { 200: jsonList(Scenario, 'Scenarios, by program name, newest first') }
  }),
  create: route({
    method: 'post',
    path: '/mystery/scenarios',
    operationId: 'createMysteryScenario',
    tags,
    summary: "Add a scenario to a program's library (version 1)",
    request: body(CreateScenarioInput),
    responses: { 201: json(ScenarioDetail, 'Created') }
  }),
  get: getById('/mystery/scenarios/{id}', ScenarioDetail, 'The scenario', {
    operationId: 'getMysteryScenario',
    tags,
    summary: 'A scenario with its current version and every version, oldest first'
  }),
  revise: route({
    method: 'post',
    path: '/mystery/scenarios/{id}/versions',
    operationId: 'reviseMysteryScenario',
    tags,
    summary: 'Change a scenario: adds its next version (409 when the version you edited is not the latest, or it is retired)',
    request: { params: IdParam, ...body(ReviseScenarioBody) },
    responses: { 200: json(ScenarioDetail, 'The scenario with its new version (unchanged content: no new version)') }
  }),
  retire: onScenario('retire', 'retireMysteryScenario', 'Retire a scenario: no new assignments use it; it stays readable', 'Retired'),
  restore: onScenario('restore', 'restoreMysteryScenario', 'Take a retired scenario back into use', 'Restored')
};

export function scenarioRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.list, async (c) => {
      const q = c.req.valid('query');
      const input = { programId: q.programId, includeRetired: q.includeRetired === 'true' };
      return c.json(await listScenarios({ ctx: ctxOf(c, deps), input }), 200);
    })
    .openapi(routes.create, async (c) => c.json(await createScenario({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.get, async (c) =>
      c.json(await getScenario({ ctx: ctxOf(c, deps), input: { scenarioId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.revise, async (c) =>
      c.json(await reviseScenario({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), scenarioId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.retire, async (c) =>
      c.json(await retireScenario({ ctx: ctxOf(c, deps), input: { scenarioId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.restore, async (c) =>
      c.json(await restoreScenario({ ctx: ctxOf(c, deps), input: { scenarioId: c.req.valid('param').id } }), 200)
    );
}
