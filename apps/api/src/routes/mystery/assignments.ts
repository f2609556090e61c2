import { z } from '@hono/zod-openapi';
import {
  MatchAgentOption,
  MatchCandidate,
  MatchMysteryCallInput,
  MysteryAssignment,
  MysteryAssignmentDetail,
  MysteryCallDetail,
  MysteryCallRecord,
  RecordMysteryCallInput
} from '@attentive/shared/mystery-calls';
import { getAssignment } from '@attentive/core/mystery/calls/get-assignment';
import { getMysteryCall } from '@attentive/core/mystery/calls/get-mystery-call';
import { listAssignments } from '@attentive/core/mystery/calls/list-assignments';
import { listMyAssignments } from '@attentive/core/mystery/calls/list-my-assignments';
import { listMysteryCalls } from '@attentive/core/mystery/calls/list-mystery-calls';
import { matchAgent } from '@attentive/core/mystery/calls/match-agent';
import { matchCandidates } from '@attentive/core/mystery/calls/match-candidates';
import { recordMysteryCall } from '@attentive/core/mystery/calls/record-mystery-call';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, getById, json, jsonList, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId } from '../params.ts';

const tags = ['Mystery calls'];
const Recorded = z.object({ id: z.number().int(), evaluationId: z.number().int().nullable() });
const Matched = z.object({
  id: z.number().int(),
  evaluationId: z.number().int(),
  agentId: z.number().int(),
  matchedCallId: z.number().int().nullable()
});

const routes = {
  mine: route({
    method: 'get',
    path: '/mystery/assignments/mine',
    operationId: 'listMyMysteryAssignments',
    tags,
    summary: "A shopper's own assignments: open ones by window (overdue, today, upcoming), then the done ones",
    responses: { 200: jsonList(MysteryAssignment, 'Assignments') }
  }),
  list: route({
    method: 'get',
    path: '/mystery/assignments',
    operationId: 'listMysteryAssignments',
    tags,
    summary: 'Every assignment (admins, QA analysts), by window',
    request: {
      query: z.object({
        programId: queryId(),
        planId: queryId(),
        shopperId: queryId(),
        status: z.enum(['planned', 'completed', 'cancelled']).optional()
      })
    },
    responses: { 200: jsonList(MysteryAssignment, 'Assignments') }
  }),
  get: getById('/mystery/assignments/{id}', MysteryAssignmentDetail, 'The assignment', {
    operationId: 'getMysteryAssignment',
    tags,
    summary: 'One assignment with its scenario, the scorecard to fill and, once recorded, the record'
  }),
  record: route({
    method: 'post',
    path: '/mystery/assignments/{id}/call',
    operationId: 'recordMysteryCall',
    tags,
    summary: "The shopper's form: records the call and, when a person answered, a submitted mystery evaluation",
    request: { params: IdParam, ...body(RecordMysteryCallInput.omit({ assignmentId: true })) },
    responses: { 201: json(Recorded, 'Recorded') }
  }),
  calls: route({
    method: 'get',
    path: '/mystery/calls',
    operationId: 'listMysteryCalls',
    tags,
    summary: 'Recorded mystery calls, newest first (admins, QA analysts); `unmatched=true`: answered, agent not identified',
    request: { query: z.object({ programId: queryId(), unmatched: z.enum(['true', 'false']).optional() }) },
    responses: { 200: jsonList(MysteryCallRecord, 'Mystery calls') }
  }),
  call: getById('/mystery/calls/{id}', MysteryCallDetail, 'The mystery call', {
    operationId: 'getMysteryCall',
    tags,
    summary: 'One mystery call: the record, its scenario and scorecard answers (the score for managers only)'
  }),
  candidates: route({
    method: 'get',
    path: '/mystery/calls/{id}/candidates',
    operationId: 'listMysteryMatchCandidates',
    tags,
    summary: "Imported calls answered within 10 minutes of the shopper's answered-at (name matches first), and the agents",
    request: { params: IdParam },
    responses: { 200: json(z.object({ candidates: z.array(MatchCandidate), agents: z.array(MatchAgentOption) }), 'Candidates') }
  }),
  match: route({
    method: 'post',
    path: '/mystery/calls/{id}/match',
    operationId: 'matchMysteryCall',
    tags,
    summary: 'Names the agent who took the call (from an imported call record or directly); audited, re-matching allowed',
    request: { params: IdParam, ...body(MatchMysteryCallInput) },
    responses: { 200: json(Matched, 'Matched') }
  })
};

/** Mystery calls: a shopper's assignments, the shopper's form, matching a call to an agent (docs/mystery-calls.md). */
export function assignmentRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.mine, async (c) => c.json(await listMyAssignments({ ctx: ctxOf(c, deps) }), 200))
    .openapi(routes.list, async (c) => c.json(await listAssignments({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.get, async (c) =>
      c.json(await getAssignment({ ctx: ctxOf(c, deps), input: { assignmentId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.record, async (c) =>
      c.json(
        await recordMysteryCall({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), assignmentId: c.req.valid('param').id } }),
        201
      )
    )
    .openapi(routes.calls, async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listMysteryCalls({ ctx: ctxOf(c, deps), input: { programId: q.programId, unmatched: q.unmatched === 'true' } }),
        200
      );
    })
    .openapi(routes.call, async (c) =>
      c.json(await getMysteryCall({ ctx: ctxOf(c, deps), input: { mysteryCallId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.candidates, async (c) =>
      c.json(await matchCandidates({ ctx: ctxOf(c, deps), input: { mysteryCallId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.match, async (c) =>
      c.json(await matchAgent({ ctx: ctxOf(c, deps), input: { mysteryCallId: c.req.valid('param').id, match: c.req.valid('json') } }), 200)
    );
}
