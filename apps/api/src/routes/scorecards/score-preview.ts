import { z } from '@hono/zod-openapi';
import { Answer, Answers, ScoreResult } from '@attentive/shared/scorecard';
import { DefinitionInput, computeScore, validateAnswers } from '@attentive/core';
import { principalOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { tags } from './schemas.ts';

const preview = route({
  method: 'post',
  path: '/scorecards/score-preview',
  operationId: 'previewScore',
  tags,
  summary: 'Score answers on a definition with THE scoring formula, storing nothing (builder preview, live score)',
  request: {
    ...body(
      z.object({
        definition: DefinitionInput,
        answers: z.union([z.array(Answer), Answers]),
        requireComplete: z.boolean().optional()
      })
    )
  },
  responses: { 200: json(z.object({ result: ScoreResult }), 'The score') }
});

/** Needs no database: the score of a definition and answers, computed and stored nowhere. */
export function scorePreviewRoute() {
  return newRouter().openapi(preview, async (c) => {
    principalOf(c);
    const input = c.req.valid('json');
    const definition = input.definition;
    validateAnswers(definition, input.answers, { requireComplete: input.requireComplete ?? false });
    return c.json({ result: computeScore(definition, input.answers) }, 200);
  });
}
