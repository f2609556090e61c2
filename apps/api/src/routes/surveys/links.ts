import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorEnvelope } from '@attentive/shared/contract';
import {
  InvitationResult,
  IssuedSurveyLink,
  PublicSurvey,
  PublicSurveyAnswer,
  SurveyLinkDraw,
  SurveyLinkList
} from '@attentive/shared/survey-links';
import { answerSurveyLink } from '@attentive/core/surveys/links/answer-link';
import { issueSurveyLink } from '@attentive/core/surveys/links/issue-link';
import { listSurveyLinkDraws, listSurveyLinks } from '@attentive/core/surveys/links/list-links';
import { openSurveyLink } from '@attentive/core/surveys/links/open-link';
import { optOutThroughLink } from '@attentive/core/surveys/links/opt-out-link';
import type { PublicCtx } from '@attentive/core/surveys/links/public-link';
import { sendSurveyInvitations } from '@attentive/core/surveys/links/send-invitations';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, json, jsonList, PUBLIC, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, IdString, queryInt } from '../params.ts';

const tags = ['Callback surveys: links'];
const publicTags = ['Public survey page'];

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorEnvelope } } });
/** What the public routes answer besides success: no 401/403 — there is nobody to be. */
const publicErrors = {
  400: error('Bad answers: `details` names each question (answers.<question id>) (VALIDATION)'),
  404: error('No survey behind this token (NOT_FOUND); the same answer for any token that is not ours'),
  410: error('The link was already used (details[0].message "used") or has expired ("expired") (GONE)'),
  413: error('The body is too large (PAYLOAD_TOO_LARGE)'),
  415: error('The body is not JSON (UNSUPPORTED_MEDIA_TYPE)'),
  429: error('Too many requests from this address: wait Retry-After seconds (TOO_MANY_REQUESTS)'),
  500: error('Something went wrong on our side; quote the requestId (INTERNAL)')
} as const;

const TokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token from the invitation (43 characters, base64url)' })
});

const routes = {
  draws: route({
    method: 'get',
    path: '/surveys/links/draws',
    operationId: 'listSurveyLinkDraws',
    tags,
    summary:
      'Link-channel callback draws of the last `days` days (default 30), newest first, with not sent / sent / answered / declined / expired counts',
    request: { query: z.object({ days: queryInt(1, 366).optional() }) },
    responses: { 200: jsonList(SurveyLinkDraw, 'Draws') }
  }),
  list: route({
    method: 'get',
    path: '/surveys/links',
    operationId: 'listSurveyLinks',
    tags,
    summary: "A link draw's items and where each stands; the e-mail address masked, never the token",
    request: { query: z.object({ drawId: IdString }) },
    responses: { 200: json(SurveyLinkList, 'Links') }
  }),
  send: route({
    method: 'post',
    path: '/surveys/draws/{id}/invitations',
    operationId: 'sendSurveyInvitations',
    tags,
    summary:
      'E-mails the survey invitation (SMTP_URL) to every open item of the draw not yet sent; no address: stays not sent. 412 when mail is not configured or the mail server refuses',
    request: { params: IdParam },
    responses: { 200: json(InvitationResult, 'What was sent and skipped') }
  }),
  issue: route({
    method: 'post',
    path: '/surveys/items/{id}/link',
    operationId: 'issueSurveyLink',
    tags,
    summary:
      'Issues a link by hand (to send by SMS or read out): the token and address are in this answer only; older live links of the item stop working',
    request: { params: IdParam },
    responses: { 201: json(IssuedSurveyLink, 'The link') }
  }),
  open: route({
    method: 'get',
    path: '/public/surveys/{token}',
    operationId: 'openPublicSurvey',
    tags: publicTags,
    security: PUBLIC,
    summary: 'The survey behind a link: brand, call day, intro and questions in both languages. No session; rate-limited per address',
    request: { params: TokenParam },
    errors: publicErrors,
    responses: { 200: json(PublicSurvey, 'The survey') }
  }),
  answer: route({
    method: 'post',
    path: '/public/surveys/{token}',
    operationId: 'answerPublicSurvey',
    tags: publicTags,
    security: PUBLIC,
    summary: 'Stores the answers once and uses the link up; a second answer is 410',
    request: { params: TokenParam, ...body(PublicSurveyAnswer) },
    errors: publicErrors,
    responses: { 201: json(z.object({ answered: z.literal(true) }), 'Answered') }
  }),
  optOut: route({
    method: 'post',
    path: '/public/surveys/{token}/opt-out',
    operationId: 'optOutPublicSurvey',
    tags: publicTags,
    security: PUBLIC,
    summary: '"Don\'t ask me again": the customer is never surveyed again, this survey is closed and the link used up',
    request: { params: TokenParam },
    errors: publicErrors,
    responses: { 200: json(z.object({ optedOut: z.literal(true) }), 'Opted out') }
  })
};

/** The public routes' context: the database and clock only — no principal, no cipher, no mailer. */
const publicCtx = (c: Context<AppEnv>, deps: AppDeps): PublicCtx => ({ db: deps.db, now: deps.now, requestId: c.get('requestId') });

/**
 * Callback surveys: single-use survey links (docs/callback-surveys-links.md). The manager's side (send
 * invitations, see where each link stands) and the public family under /api/public/surveys/{token}, which
 * needs no session, reads none, and reaches nothing but the one survey of its token.
 */
export function surveyLinkRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.draws, async (c) => {
      const { days } = c.req.valid('query');
      return c.json({ items: await listSurveyLinkDraws({ ctx: ctxOf(c, deps), input: { days } }) }, 200);
    })
    .openapi(routes.list, async (c) => c.json(await listSurveyLinks({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.send, async (c) =>
      c.json(await sendSurveyInvitations({ ctx: ctxOf(c, deps), input: { drawId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.issue, async (c) =>
      c.json(await issueSurveyLink({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').id } }), 201)
    )
    .openapi(routes.open, async (c) => c.json(await openSurveyLink({ ctx: publicCtx(c, deps), token: c.req.valid('param').token }), 200))
    .openapi(routes.answer, async (c) =>
      c.json(await answerSurveyLink({ ctx: publicCtx(c, deps), token: c.req.valid('param').token, input: c.req.valid('json') }), 201)
    )
    .openapi(routes.optOut, async (c) =>
      c.json(await optOutThroughLink({ ctx: publicCtx(c, deps), token: c.req.valid('param').token }), 200)
    );
}
