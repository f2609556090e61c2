import { z } from 'zod';
import { CallbackChannel, CallbackItemStatus } from './surveys.ts';

/**
 * Callback plans and their daily lists (issue 14): the request and response shapes the API documents and
 * core validates with. A plan says how many of a program's recent calls are drawn each day, from which
 * window after the call, who is left out, and how the customers are asked (phone or link).
 */

const Int = z.number().int();
const Id = Int.positive();

/** The longest delay window: a customer asked weeks after the call no longer remembers it. */
export const CALLBACK_MAX_DELAY_HOURS = 14 * 24;
export const CALLBACK_MAX_DAILY_COUNT = 500;

/** Why a call in the window was left out, in the order they are checked (the first that applies counts). */
export const CALLBACK_EXCLUSIONS = ['alreadyDrawn', 'optedOut', 'noContact', 'recentlySurveyed'] as const;
export type CallbackExclusion = (typeof CALLBACK_EXCLUSIONS)[number];

/** The rules a draw applies (the plan's, frozen into the draw). */
export type CallbackRules = {
  channel: 'phone' | 'link';
  dailyCount: number;
  delayMinHours: number;
  delayMaxHours: number;
  quietDays: number;
};

/**
 * What verifying a draw needs, frozen when it is made: the rules and time of the draw, the highest call id
 * that existed then (a later import of old calls does not change the verdict), the excluded ids by reason
 * (opt-outs and erasures change afterwards; the reason at the time is kept).
 */
export type CallbackDrawSnapshot = {
  v: 1;
  /** Draw time, ms since the epoch. */
  at: number;
  rules: CallbackRules;
  maxCallId: number;
  excludedIds: Record<CallbackExclusion, number[]>;
};

const whole = (what: string, min: number, max: number) =>
  Int.min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);

/** What a manager sets. `version` is the one it read (0 to create the program's first plan; stale → 409). */
export const SaveCallbackPlanInput = z
  .object({
    version: Int.min(0),
    templateId: Id,
    channel: CallbackChannel,
    dailyCount: whole('dailyCount', 1, CALLBACK_MAX_DAILY_COUNT),
    delayMinHours: whole('delayMinHours', 0, CALLBACK_MAX_DELAY_HOURS),
    delayMaxHours: whole('delayMaxHours', 1, CALLBACK_MAX_DELAY_HOURS),
    quietDays: whole('quietDays', 0, 730),
    maxAttempts: whole('maxAttempts', 1, 10),
    retryMinutes: whole('retryMinutes', 5, 7 * 24 * 60),
    linkValidHours: whole('linkValidHours', 1, CALLBACK_MAX_DELAY_HOURS),
    active: z.boolean()
  })
  .superRefine((v, c) => {
    if (v.delayMinHours >= v.delayMaxHours)
      c.addIssue({
        code: 'custom',
        path: ['delayMaxHours'],
        message: `delayMaxHours (${v.delayMaxHours}) must be more than delayMinHours (${v.delayMinHours}): the window runs from delayMaxHours to delayMinHours before the draw`
      });
  })
  .meta({ id: 'SaveCallbackPlanInput' });
export type SaveCallbackPlanInput = z.infer<typeof SaveCallbackPlanInput>;

export const CallbackPlan = z
  .object({
    id: Int,
    programId: Int,
    templateId: Int,
    channel: CallbackChannel,
    dailyCount: Int,
    delayMinHours: Int,
    delayMaxHours: Int,
    quietDays: Int,
    maxAttempts: Int,
    retryMinutes: Int,
    linkValidHours: Int,
    active: z.boolean(),
    version: Int,
    updatedAt: z.string(),
    updatedBy: z.string()
  })
  .meta({ id: 'CallbackPlan' });
export type CallbackPlan = z.infer<typeof CallbackPlan>;

export const CallbackPlanTemplate = z
  .object({ id: Int, name: z.string(), version: Int, retired: z.boolean() })
  .meta({ id: 'CallbackPlanTemplate', description: 'A survey template of the program, named after its newest version' });

/** A program's plan (null: none yet) with the templates it may use. */
export const CallbackPlanDetail = z
  .object({
    programId: Int,
    programName: z.string(),
    timeZone: z.string(),
    plan: CallbackPlan.nullable(),
    templates: z.array(CallbackPlanTemplate)
  })
  .meta({ id: 'CallbackPlanDetail' });
export type CallbackPlanDetail = z.infer<typeof CallbackPlanDetail>;

const StatusCounts = z
  .object(Object.fromEntries(CallbackItemStatus.options.map((s) => [s, Int])) as Record<z.infer<typeof CallbackItemStatus>, typeof Int>)
  .meta({ id: 'CallbackStatusCounts', description: 'Items of the draw by status' });

export const CallbackDrawSummary = z
  .object({
    id: Int,
    planId: Int,
    programId: Int,
    day: z.string(),
    createdAt: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    requestedBy: z.string(),
    populationSize: Int,
    selectedCount: Int,
    excluded: z.record(z.string(), Int),
    statuses: StatusCounts
  })
  .meta({ id: 'CallbackDrawSummary' });
export type CallbackDrawSummary = z.infer<typeof CallbackDrawSummary>;

/** One program's callback overview: the plan (null: none) and its draws, newest day first. */
export const CallbackProgramLists = z
  .object({
    programId: Int,
    programName: z.string(),
    plan: CallbackPlan.nullable(),
    draws: z.array(CallbackDrawSummary)
  })
  .meta({ id: 'CallbackProgramLists' });

export const CallbackListsOverview = z
  .object({ timeZone: z.string(), today: z.string(), programs: z.array(CallbackProgramLists) })
  .meta({ id: 'CallbackListsOverview' });
export type CallbackListsOverview = z.infer<typeof CallbackListsOverview>;

export const DateOnly = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD')
  .meta({ description: "A day 'YYYY-MM-DD' in the contact center's time zone", example: '2027-03-15' });

export const DrawCallbackListInput = z
  .object({ programId: Id, day: DateOnly.optional().meta({ description: "Today (the default) or an earlier day's list not drawn yet" }) })
  .meta({ id: 'DrawCallbackListInput' });

/** One drawn call as the day view shows it: never contact details, never evaluation scores. */
export const CallbackDrawItem = z
  .object({
    id: Int,
    callId: Int,
    callStartedAt: z.string(),
    agentId: Int,
    agentName: z.string(),
    rank: z.string(),
    status: CallbackItemStatus,
    attempts: Int,
    lastAttemptAt: z.string().nullable(),
    nextAttemptAt: z.string(),
    closedAt: z.string().nullable()
  })
  .meta({ id: 'CallbackDrawItem' });

export const CallbackDrawDetail = CallbackDrawSummary.extend({
  programName: z.string(),
  channel: CallbackChannel,
  templateVersionId: Int,
  windowStart: z.string(),
  windowEnd: z.string(),
  seed: z.string(),
  populationHash: z.string(),
  verifiable: z.boolean().meta({ description: 'False for a draw stored without its snapshot (it cannot be recomputed)' }),
  items: z.array(CallbackDrawItem)
}).meta({ id: 'CallbackDrawDetail' });
export type CallbackDrawDetail = z.infer<typeof CallbackDrawDetail>;

export const CallbackVerifyCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() }).meta({ id: 'CallbackVerifyCheck' });

export const CallbackDrawVerification = z
  .object({
    drawId: Int,
    ok: z.boolean(),
    /** The first difference found, null when everything matches. */
    firstDifference: z.string().nullable(),
    checks: z.array(CallbackVerifyCheck),
    algorithm: z.string(),
    stored: z.object({ populationHash: z.string(), populationSize: Int, selected: Int }),
    recomputed: z.object({ populationHash: z.string(), populationSize: Int, selected: Int }),
    ms: Int
  })
  .meta({ id: 'CallbackDrawVerification' });
export type CallbackDrawVerification = z.infer<typeof CallbackDrawVerification>;

export const CallbackDrawOutcome = z
  .object({
    drawId: Int,
    day: z.string(),
    populationSize: Int,
    selected: Int,
    excluded: z.record(z.string(), Int),
    existed: z.boolean()
  })
  .meta({ id: 'CallbackDrawOutcome' });
