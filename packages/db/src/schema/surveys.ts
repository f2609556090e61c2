import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people, programs } from './org.ts';
import { calls } from './calls.ts';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';
import {
  CALLBACK_ATTEMPT_OUTCOMES,
  CALLBACK_CHANNELS,
  CALLBACK_ITEM_STATUSES,
  SURVEY_ATTRIBUTIONS,
  type SurveyAttribution,
  type SurveyQuestion,
  type SurveyQuestionKind
} from '@attentive/shared/surveys';
import type { CallbackDrawSnapshot } from '@attentive/shared/surveys-lists';

// Callback surveys (docs/callback-surveys.md): shortly after a real call the customer is asked how it went —
// by a survey caller working a queue, or through a single-use link sent by e-mail or SMS. Each response is
// tied to the call, and so to the agent and program.

/** A survey template of a program: its identity. What it asks lives in versions; retiring keeps it readable. */
export const surveyTemplates = sqliteTable(
  'survey_templates',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    retiredAt: ms('retired_at'),
    retiredBy: text('retired_by')
  },
  (t) => [index('survey_templates_program').on(t.tenantId, t.programId)]
);

/** One version of a template. Never changed or deleted (triggers): a response keeps the version it answered. */
export const surveyTemplateVersions = sqliteTable(
  'survey_template_versions',
  {
    id: id(),
    tenantId: tenantId(),
    templateId: ref('template_id', () => surveyTemplates.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** What the caller says / the page shows first, in both languages. */
    intro: text('intro', { mode: 'json' }).notNull().$type<{ en: string; nl: string }>(),
    questions: text('questions', { mode: 'json' }).notNull().$type<SurveyQuestion[]>(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull()
  },
  (t) => [
    uniqueIndex('survey_template_versions_number').on(t.templateId, t.version),
    index('survey_template_versions_tenant').on(t.tenantId)
  ]
);

/**
 * A program's callback plan: each day, draw `dailyCount` calls at random from those that started between
 * `delayMaxHours` and `delayMinHours` ago, leaving out customers who opted out, have no contact details, or
 * were surveyed in the last `quietDays` days; ask them by phone (a caller's queue) or by link.
 */
export const callbackPlans = sqliteTable(
  'callback_plans',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    templateId: ref('template_id', () => surveyTemplates.id),
    channel: text('channel', { enum: CALLBACK_CHANNELS }).notNull().default('phone'),
    dailyCount: integer('daily_count').notNull(),
    delayMinHours: integer('delay_min_hours').notNull().default(24),
    delayMaxHours: integer('delay_max_hours').notNull().default(72),
    quietDays: integer('quiet_days').notNull().default(90),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Minutes between two attempts on the same customer. */
    retryMinutes: integer('retry_minutes').notNull().default(240),
    /** How long a survey link stays valid. */
    linkValidHours: integer('link_valid_hours').notNull().default(72),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Bumped on every change: the optimistic-concurrency token. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: text('updated_by').notNull()
  },
  (t) => [uniqueIndex('callback_plans_program').on(t.tenantId, t.programId)]
);

/**
 * One day's draw of a callback plan: the verifiable draw of call sampling (rank = HMAC(seed, call id),
 * population hash over the eligible call ids), with purpose 'callback'. Drawn once per plan and day.
 */
export const callbackDraws = sqliteTable(
  'callback_draws',
  {
    id: id(),
    tenantId: tenantId(),
    planId: ref('plan_id', () => callbackPlans.id),
    programId: ref('program_id', () => programs.id),
    templateVersionId: ref('template_version_id', () => surveyTemplateVersions.id),
    /** 'YYYY-MM-DD' in the tenant's time zone. */
    day: text('day').notNull(),
    /** Eligible calls started in [windowStart, windowEnd). */
    windowStart: ms('window_start').notNull(),
    windowEnd: ms('window_end').notNull(),
    seed: text('seed').notNull(),
    populationHash: text('population_hash').notNull(),
    populationSize: integer('population_size').notNull(),
    /** Calls in the window left out, by reason: { optedOut, noContact, recentlySurveyed }. */
    excluded: text('excluded', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    selectedCount: integer('selected_count').notNull(),
    /**
     * What verifying needs, frozen at the draw (core surveys/lists/draw-snapshot.ts): the rules and time of the
     * draw, the highest call id that existed, and the excluded call ids by reason. Opt-outs, erasures and
     * later imports change the live data; the snapshot keeps the verdict. Null for draws made without one.
     */
    snapshot: text('snapshot', { mode: 'json' }).$type<CallbackDrawSnapshot>(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('callback_draws_plan_day').on(t.planId, t.day), index('callback_draws_program').on(t.tenantId, t.programId, t.day)]
);

/**
 * Where an item stands (CALLBACK_ITEM_STATUSES): open (to be tried), completed (answered), declined (customer said no), unreachable
 * (attempts used up), wrong_number, expired (link not used in time, or too late to call).
 */

/** One drawn call whose customer is to be asked. */
export const callbackItems = sqliteTable(
  'callback_items',
  {
    id: id(),
    tenantId: tenantId(),
    drawId: ref('draw_id', () => callbackDraws.id),
    programId: ref('program_id', () => programs.id),
    callId: ref('call_id', () => calls.id),
    agentId: ref('agent_id', () => people.id),
    contactId: ref('contact_id', () => customerContacts.id),
    /** HMAC-SHA256(seed, call id), hex. */
    rank: text('rank').notNull(),
    channel: text('channel', { enum: CALLBACK_CHANNELS }).notNull(),
    status: text('status', { enum: CALLBACK_ITEM_STATUSES }).notNull().default('open'),
    /** Attempts recorded so far (written only by core recordAttempt / recordSurveyResponse). */
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: ms('last_attempt_at'),
    /** Not to be called before this (retry spacing). */
    nextAttemptAt: ms('next_attempt_at').notNull(),
    /** The survey caller working the item (its contact details are shown only to that caller). */
    claimedBy: integer('claimed_by').references(() => people.id),
    claimedAt: ms('claimed_at'),
    closedAt: ms('closed_at'),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('callback_items_call').on(t.callId),
    index('callback_items_queue').on(t.tenantId, t.status, t.nextAttemptAt),
    index('callback_items_draw').on(t.drawId),
    index('callback_items_contact').on(t.contactId)
  ]
);

/** One try to reach the customer (by a caller), or the link being answered. */
export const callbackAttempts = sqliteTable(
  'callback_attempts',
  {
    id: id(),
    tenantId: tenantId(),
    itemId: ref('item_id', () => callbackItems.id),
    /** The survey caller; null for an answer through a link. */
    callerId: integer('caller_id').references(() => people.id),
    at: ms('at').notNull(),
    outcome: text('outcome', { enum: CALLBACK_ATTEMPT_OUTCOMES }).notNull(),
    note: text('note').notNull().default('')
  },
  (t) => [index('callback_attempts_item').on(t.itemId), index('callback_attempts_caller').on(t.tenantId, t.callerId, t.at)]
);

/**
 * A single-use survey link. Only the sha256 of the token is stored: the token itself is in the message sent
 * to the customer and nowhere else. Refused once used or expired.
 */
export const surveyLinks = sqliteTable(
  'survey_links',
  {
    id: id(),
    tenantId: tenantId(),
    itemId: ref('item_id', () => callbackItems.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ms('expires_at').notNull(),
    usedAt: ms('used_at'),
    sentVia: text('sent_via', { enum: ['email', 'sms', 'manual'] }).notNull(),
    sentAt: ms('sent_at'),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull()
  },
  (t) => [uniqueIndex('survey_links_token').on(t.tokenHash), index('survey_links_item').on(t.itemId)]
);

/**
 * The customer's answers, once per item. `answers` keeps every answer by question id; the typed columns
 * are the standard questions' answers (null when not asked or not answered) that the metrics read.
 */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: id(),
    tenantId: tenantId(),
    itemId: ref('item_id', () => callbackItems.id),
    callId: ref('call_id', () => calls.id),
    programId: ref('program_id', () => programs.id),
    agentId: ref('agent_id', () => people.id),
    templateVersionId: ref('template_version_id', () => surveyTemplateVersions.id),
    channel: text('channel', { enum: CALLBACK_CHANNELS }).notNull(),
    callerId: integer('caller_id').references(() => people.id),
    language: text('language', { enum: ['en', 'nl'] }).notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, number | boolean | string>>(),
    csat: integer('csat'),
    fcrSolved: integer('fcr_solved', { mode: 'boolean' }),
    fcrRecontact: integer('fcr_recontact', { mode: 'boolean' }),
    ces: integer('ces'),
    nps: integer('nps'),
    promiseKept: integer('promise_kept', { mode: 'boolean' }),
    comment: text('comment'),
    respondedAt: ms('responded_at').notNull()
  },
  (t) => [
    uniqueIndex('survey_responses_item').on(t.itemId),
    index('survey_responses_program_time').on(t.tenantId, t.programId, t.respondedAt),
    index('survey_responses_agent_time').on(t.tenantId, t.agentId, t.respondedAt)
  ]
);

export const SURVEY_ALERT_STATUSES = ['open', 'handled'] as const;

/** A low answer for service recovery: raised to the agent's team lead when a response is stored. */
export const surveyAlerts = sqliteTable(
  'survey_alerts',
  {
    id: id(),
    tenantId: tenantId(),
    responseId: ref('response_id', () => surveyResponses.id),
    programId: ref('program_id', () => programs.id),
    agentId: ref('agent_id', () => people.id),
    /** The low answers: [{ questionId, kind, attribution, value }]. */
    reasons: text('reasons', { mode: 'json' })
      .notNull()
      .$type<{ questionId: string; kind: SurveyQuestionKind; attribution: SurveyAttribution; value: number | boolean }[]>(),
    /** 'agent' when any low answer is agent-attributable, else 'process'. */
    attribution: text('attribution', { enum: SURVEY_ATTRIBUTIONS }).notNull(),
    status: text('status', { enum: SURVEY_ALERT_STATUSES }).notNull().default('open'),
    handledBy: text('handled_by'),
    handledAt: ms('handled_at'),
    handledNote: text('handled_note'),
    createdAt: ms('created_at').notNull()
  },
  (t) => [
    uniqueIndex('survey_alerts_response').on(t.responseId),
    index('survey_alerts_status').on(t.tenantId, t.status, t.createdAt),
    index('survey_alerts_agent').on(t.agentId)
  ]
);

/**
 * A customer's contact details: personal data, kept apart from call facts (calls carry only the source's
 * pseudonym `customerRef`), encrypted at rest with a key from the environment (core surveys/contact-cipher.ts:
 * AES-256-GCM, "v1.<iv>.<tag>.<ciphertext>" base64url). Erased after `eraseAfter` by a scheduled, audited job;
 * the row (pseudonym, opt-out) stays so that an opted-out customer is never asked again.
 */
export const customerContacts = sqliteTable(
  'customer_contacts',
  {
    id: id(),
    tenantId: tenantId(),
    customerRef: text('customer_ref').notNull(),
    phoneCipher: text('phone_cipher'),
    emailCipher: text('email_cipher'),
    /** Preferred language for a survey, when known. */
    language: text('language', { enum: ['en', 'nl'] }),
    optedOutAt: ms('opted_out_at'),
    /** The details are erased at this time (retention); extended when a newer call brings them again. */
    eraseAfter: ms('erase_after').notNull(),
    erasedAt: ms('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [uniqueIndex('customer_contacts_ref').on(t.tenantId, t.customerRef), index('customer_contacts_erase').on(t.erasedAt, t.eraseAfter)]
);
