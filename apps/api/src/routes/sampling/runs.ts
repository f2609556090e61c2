import { z } from '@hono/zod-openapi';
import { getSampleRun, listSampleRuns, verifySampleRun } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, jsonList, getById } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { queryId, queryInt } from '../params.ts';
import { RunDetail, RunListItem, Verification, tags } from './schemas.ts';

/** Read sample runs: the list, one run, and its verification. */
export function sampleRunRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/sampling/runs',
        operationId: 'listSampleRuns',
        tags,
        summary: 'Sample runs, newest period first',
        request: { query: z.object({ planId: queryId(), programId: queryId(), limit: queryInt(1, 200).optional() }) },
        responses: { 200: jsonList(RunListItem, 'Runs') }
      }),
      async (c) => c.json({ items: await listSampleRuns({ ctx: ctxOf(c, deps), input: c.req.valid('query') }) }, 200)
    )
    .openapi(
      getById('/sampling/runs/{id}', RunDetail, 'Run', {
        operationId: 'getSampleRun',
        tags,
        summary: 'A run: items, replacements with reasons, fairness ledger'
      }),
      async (c) => c.json(await getSampleRun({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      getById('/sampling/runs/{id}/verify', Verification, 'Verification', {
        operationId: 'verifySampleRun',
        tags,
        summary: 'Recompute the population hash, the draw and the replacements, and report match or mismatch'
      }),
      async (c) => c.json(await verifySampleRun({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    );
}
