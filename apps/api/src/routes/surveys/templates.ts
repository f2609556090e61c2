import { z } from '@hono/zod-openapi';
import {
  AddSurveyTemplateVersionBody,
  CreateSurveyTemplateInput,
  SurveyTemplate,
  SurveyTemplateDetail
} from '@attentive/shared/survey-templates';
import { addSurveyTemplateVersion } from '@attentive/core/surveys/templates/add-version';
import { createSurveyTemplate } from '@attentive/core/surveys/templates/create-template';
import { getSurveyTemplate } from '@attentive/core/surveys/templates/get-template';
import { listSurveyTemplates } from '@attentive/core/surveys/templates/list-templates';
import { restoreSurveyTemplate } from '@attentive/core/surveys/templates/restore-template';
import { retireSurveyTemplate } from '@attentive/core/surveys/templates/retire-template';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, getById, json, jsonList, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId } from '../params.ts';

/** Callback surveys: survey templates per program, versioned, in Dutch and English (admins and QA analysts). */
const tags = ['Callback surveys'];

/** A POST without a body that changes one template's state (`/surveys/templates/{id}/<what>`). */
const onTemplate = <const W extends string>(what: W, operationId: string, summary: string, answer: string) =>
  route({
    method: 'post',
    path: `/surveys/templates/{id}/${what}`,
    operationId,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: json(SurveyTemplateDetail, answer) }
  });

const routes = {
  list: route({
    method: 'get',
    path: '/surveys/templates',
    operationId: 'listSurveyTemplates',
    tags,
    summary: 'Survey templates, each with its current version, version count and response count (admins, QA analysts)',
    request: {
      query: z.object({
        programId: queryId(),
        includeRetired: z.enum(['true', 'false']).optional().openapi({ description: 'Retired templates too (default false)' })
      })
    },
    responses: { 200: jsonList(SurveyTemplate, 'Templates, by program name, newest first') }
  }),
  create: route({
    method: 'post',
    path: '/surveys/templates',
    operationId: 'createSurveyTemplate',
    tags,
    summary: 'Give a program its survey template (version 1); 409 when the program already has one in use',
    description:
      'Questions: ids unique, each kind at most once except comment (the metrics read one answer per kind), text in English and Dutch.',
    request: body(CreateSurveyTemplateInput),
    responses: { 201: json(SurveyTemplateDetail, 'Created') }
  }),
  get: getById('/surveys/templates/{id}', SurveyTemplateDetail, 'The template', {
    operationId: 'getSurveyTemplate',
    tags,
    summary: 'A survey template with its current version and every version, oldest first'
  }),
  addVersion: route({
    method: 'post',
    path: '/surveys/templates/{id}/versions',
    operationId: 'addSurveyTemplateVersion',
    tags,
    summary: 'Change a survey template: adds its next version (409 when the version you edited is not the latest, or it is retired)',
    description:
      'A question id keeps its kind across versions (400 naming `questions.<i>.kind` otherwise). The same content again adds nothing.',
    request: { params: IdParam, ...body(AddSurveyTemplateVersionBody) },
    responses: { 200: json(SurveyTemplateDetail, 'The template with its new version (unchanged content: no new version)') }
  }),
  retire: onTemplate(
    'retire',
    'retireSurveyTemplate',
    'Retire a survey template: no new callback list asks with it; it stays readable (409 while an active callback plan uses it)',
    'Retired'
  ),
  restore: onTemplate(
    'restore',
    'restoreSurveyTemplate',
    'Take a retired survey template back into use (409 when its program has another in use)',
    'Restored'
  )
};

export function surveyTemplateRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.list, async (c) => {
      const q = c.req.valid('query');
      const input = { programId: q.programId, includeRetired: q.includeRetired === 'true' };
      return c.json(await listSurveyTemplates({ ctx: ctxOf(c, deps), input }), 200);
    })
    .openapi(routes.create, async (c) => c.json(await createSurveyTemplate({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.get, async (c) =>
      c.json(await getSurveyTemplate({ ctx: ctxOf(c, deps), input: { templateId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.addVersion, async (c) =>
      c.json(
        await addSurveyTemplateVersion({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), templateId: c.req.valid('param').id } }),
        200
      )
    )
    .openapi(routes.retire, async (c) =>
      c.json(await retireSurveyTemplate({ ctx: ctxOf(c, deps), input: { templateId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.restore, async (c) =>
      c.json(await restoreSurveyTemplate({ ctx: ctxOf(c, deps), input: { templateId: c.req.valid('param').id } }), 200)
    );
}
