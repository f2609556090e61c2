import { z } from '@hono/zod-openapi';
import { DIMENSIONS } from '@attentive/shared';
import { ScorecardDefinition, Answer, CRITICAL_CLASSES, FAIL_SCOPES } from '@attentive/shared/scorecard';
import {
  computeScore,
  createScorecard,
  discardScorecardDraft,
  getScorecard,
  getScorecardVersion,
  listScorecards,
  openScorecardDraft,
  parseDefinition,
  publishScorecardDraft,
  saveScorecardDraft,
  validateAnswers
} from '@attentive/core';
import { ctxOf, principalOf, type AppDeps } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { newRouter } from '../router.ts';
import { IdParam, pathId } from './params.ts';

const tags = ['Scorecards'];

const VersionParam = IdParam.extend({
  version: pathId('version')
});

/** Definitions are validated by core (messages name the item), so the body takes any JSON here. */
const DefinitionInput = z.unknown().openapi({
  description: 'A scorecard definition ({ sections: [{ id, title, items: [...] }] }), the shape of `definition` in ScorecardVersion'
});

// The shared schema may be a different zod instance from the one @hono/zod-openapi extends: no .openapi() on it.
const Definition = ScorecardDefinition;
const VersionSummary = z
  .object({
    id: z.number().int(),
    scorecardId: z.number().int(),
    version: z.number().int(),
    status: z.enum(['draft', 'published']),
    note: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    itemCount: z.number().int()
  })
  .openapi('ScorecardVersionSummary');
const Version = VersionSummary.extend({ definition: Definition }).openapi('ScorecardVersion');
const Scorecard = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    programId: z.number().int().nullable(),
    programName: z.string().nullable(),
    isDefault: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string()
  })
  .openapi('Scorecard');

const Totals = z.object({ score: z.number().nullable(), rawScore: z.number().nullable(), earned: z.number(), bonus: z.number(), possible: z.number() });
const ScoreResultSchema = Totals.extend({
  failed: z.boolean(),
  failedSections: z.array(z.string()),
  criticalErrors: z.record(z.enum(CRITICAL_CLASSES), z.boolean()),
  criticalFailures: z.array(z.object({ itemId: z.string(), sectionId: z.string(), class: z.enum(CRITICAL_CLASSES), failScope: z.enum(FAIL_SCOPES) })),
  sections: z.array(Totals.extend({ id: z.string(), title: z.string(), failed: z.boolean(), answered: z.number(), na: z.number(), unanswered: z.number() })),
  dimensions: z.record(z.enum(DIMENSIONS), Totals.extend({ answered: z.number() })),
  counts: z.object({ items: z.number(), answered: z.number(), na: z.number(), unanswered: z.number() })
}).openapi('ScoreResult');

const list = route({
  method: 'get',
  path: '/scorecards', operationId: 'listScorecards',
  tags,
  summary: 'Scorecards you may read, with their latest published version (and draft, for managers)',
  responses: {
    200: json(z.object({ scorecards: z.array(Scorecard.extend({ published: VersionSummary.nullable(), draft: VersionSummary.nullable(), versionCount: z.number().int() })) }), 'Scorecards')
  }
});

const create = route({
  method: 'post',
  path: '/scorecards', operationId: 'createScorecard',
  tags,
  summary: 'Create a scorecard (for a program, or the shared default) with draft version 1',
  request: {
    ...body(
      z.object({
        name: z.string().openapi({ example: 'Energy customer care' }),
        description: z.string().optional(),
        programId: z.number().int().positive().nullable().optional(),
        definition: DefinitionInput.optional()
      })
    )
  },
  responses: { 201: json(z.object({ scorecard: Scorecard, draft: Version }), 'Created') }
});

const get = route({
  method: 'get',
  path: '/scorecards/{id}', operationId: 'getScorecard',
  tags,
  summary: 'A scorecard with its version history and current definitions',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ scorecard: Scorecard, versions: z.array(VersionSummary), published: Version.nullable(), draft: Version.nullable() }), 'The scorecard')
  }
});

const getVersion = route({
  method: 'get',
  path: '/scorecards/{id}/versions/{version}', operationId: 'getScorecardVersion',
  tags,
  summary: 'One version of a scorecard with its full definition',
  request: { params: VersionParam },
  responses: { 200: json(z.object({ scorecard: Scorecard, version: Version }), 'The version') }
});

const openDraft = route({
  method: 'post',
  path: '/scorecards/{id}/draft', operationId: 'openScorecardDraft',
  tags,
  summary: 'Open the draft: returns it, or creates the next version as a copy of the latest published one',
  request: { params: IdParam },
  responses: { 200: json(z.object({ created: z.boolean(), draft: Version }), 'The draft') }
});

const saveDraft = route({
  method: 'put',
  path: '/scorecards/{id}/draft', operationId: 'saveScorecardDraft',
  tags,
  summary: 'Save the draft definition (creates the next version when the latest is published)',
  request: {
    params: IdParam,
    ...body(z.object({ definition: DefinitionInput, note: z.string().optional(), baseRevision: z.number().int().positive().optional() }))
  },
  responses: { 200: json(z.object({ created: z.boolean(), draft: Version }), 'The saved draft') }
});

const discardDraft = route({
  method: 'delete',
  path: '/scorecards/{id}/draft', operationId: 'discardScorecardDraft',
  tags,
  summary: 'Discard the draft (not version 1)',
  request: { params: IdParam },
  responses: { 200: json(z.object({ discarded: z.number().int() }), 'Discarded') }
});

const publish = route({
  method: 'post',
  path: '/scorecards/{id}/publish', operationId: 'publishScorecardDraft',
  tags,
  summary: 'Publish the draft: it is frozen from now on and scores new evaluations',
  request: { params: IdParam, ...body(z.object({ revision: z.number().int().positive().optional(), note: z.string().optional() })) },
  responses: { 200: json(z.object({ version: Version }), 'The published version') }
});

const preview = route({
  method: 'post',
  path: '/scorecards/score-preview', operationId: 'previewScore',
  tags,
  summary: 'Score answers on a definition with THE scoring formula, storing nothing (builder preview, live score)',
  request: {
    ...body(
      z.object({
        definition: DefinitionInput,
        answers: z.union([z.array(Answer), z.record(z.string(), z.union([z.number(), z.string()]).nullable())]),
        requireComplete: z.boolean().optional()
      })
    )
  },
  responses: { 200: json(z.object({ result: ScoreResultSchema }), 'The score') }
});

export function scorecardRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) => c.json(await listScorecards({ ctx: ctxOf(c, deps) }), 200))
    .openapi(create, async (c) => c.json(await createScorecard({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(preview, async (c) => {
      principalOf(c);
      const input = c.req.valid('json');
      const definition = parseDefinition(input.definition);
      validateAnswers(definition, input.answers, { requireComplete: input.requireComplete ?? false });
      return c.json({ result: computeScore(definition, input.answers) }, 200);
    })
    .openapi(get, async (c) => c.json(await getScorecard({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200))
    .openapi(getVersion, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await getScorecardVersion({ ctx: ctxOf(c, deps), input: { scorecardId: id, version } }), 200);
    })
    .openapi(openDraft, async (c) => c.json(await openScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200))
    .openapi(saveDraft, async (c) =>
      c.json(await saveScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(discardDraft, async (c) => c.json(await discardScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200))
    .openapi(publish, async (c) =>
      c.json(await publishScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
