import { z } from 'zod';
import { plainText } from './text.ts';

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} must be ≥ 0`);

/** Hours are local, [from, to): { from: 8, to: 17 } keeps calls started 08:00–16:59. */
/** The time zones the document lists: every IANA zone this runtime knows, and UTC. */
const KNOWN_TIME_ZONES = [...Intl.supportedValuesOf('timeZone'), 'UTC'];

/**
 * An IANA time zone. The document lists the known zones (so a client or a generated request picks a real
 * one); the check takes every name the runtime resolves, aliases too.
 */
const TimeZone = z
  .string()
  .refine(isTimeZone, { message: 'unknown time zone' })
  .meta({ description: 'An IANA time zone, e.g. Europe/Amsterdam', enum: KNOWN_TIME_ZONES });

const HourWindow = z
  .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
  .refine((h) => h.from < h.to, { message: 'hours.from must be before hours.to' })
  .meta({ description: 'Local hours [from, to): from must be before to (a rule across two fields the schema cannot state)' });

/**
 * A sampling plan, as edited and as frozen in each published version. Every field has a default so
 * an old version stays readable when fields are added.
 */
export const PlanDefinition = z
  .object({
    /** How often the plan runs: each closed week (Monday–Sunday) or month, in `timezone`. */
    period: z.enum(['week', 'month']).default('week'),
    timezone: TimeZone.default('Europe/Amsterdam'),
    quota: z
      .object({
        /** Calls per agent per period. */
        perAgent: count('quota.perAgent').max(1000, 'quota.perAgent must be ≤ 1000'),
        /** Optional: a share of the agent's eligible calls instead of a fixed number (then clamped to min/max). */
        percentOfEligible: z.number().min(0).max(100).nullable().default(null),
        /** Agents hired less than `months` months before the period start get `perAgent` calls instead. */
        newAgent: z
          .object({ months: z.number().int().min(1).max(60), perAgent: count('quota.newAgent.perAgent').max(1000) })
          .nullable()
          .default(null),
        min: count('quota.min').nullable().default(null),
        max: count('quota.max').nullable().default(null)
      })
      .refine((q) => q.min == null || q.max == null || q.min <= q.max, { message: 'quota.min must be ≤ quota.max', path: ['min'] }),
    filters: z
      .object({
        minTalkSeconds: count('filters.minTalkSeconds').nullable().default(null),
        maxTalkSeconds: count('filters.maxTalkSeconds').nullable().default(null),
        /** Queue ids of the plan's program; empty: every queue (and calls without one). */
        queueIds: z.array(z.number().int().positive()).default([]),
        direction: z.enum(['any', 'inbound', 'outbound']).default('any'),
        /** ISO weekdays 1 (Monday) … 7 (Sunday); empty: every day. */
        daysOfWeek: z.array(z.number().int().min(1).max(7)).default([]),
        hours: HourWindow.nullable().default(null),
        /** Dispositions to keep; empty: every disposition. */
        dispositions: z
          .array(plainText({ min: 1, max: 100 }))
          .max(100)
          .default([]),
        /** Only calls that can be scored from audio or text: with a recording, or with a transcript. */
        media: z.enum(['any', 'recording', 'transcript']).default('any')
      })
      .refine((f) => f.minTalkSeconds == null || f.maxTalkSeconds == null || f.minTalkSeconds <= f.maxTalkSeconds, {
        message: 'filters.minTalkSeconds must be ≤ filters.maxTalkSeconds',
        path: ['minTalkSeconds']
      })
      .default({
        minTalkSeconds: null,
        maxTalkSeconds: null,
        queueIds: [],
        direction: 'any',
        daysOfWeek: [],
        hours: null,
        dispositions: [],
        media: 'any'
      }),
    exclude: z
      .object({ alreadyEvaluated: z.boolean().default(true), alreadySampled: z.boolean().default(true) })
      .default({ alreadyEvaluated: true, alreadySampled: true }),
    stratify: z
      .object({
        /** Spread each agent's quota over the period: round-robin over day (or week) buckets, lowest rank first. */
        spread: z.enum(['none', 'day', 'week']).default('day'),
        /** Optionally allocate each agent's quota proportionally to its eligible calls per queue or hour band. */
        proportional: z.enum(['none', 'queue', 'hour']).default('none')
      })
      .default({ spread: 'day', proportional: 'none' }),
    assignment: z
      .object({
        /** own_team: the agent's team lead; cross_team: a lead of another team (avoids bias). */
        mode: z.enum(['own_team', 'cross_team']).default('own_team'),
        /** Days after the run to evaluate by. */
        dueDays: z.number().int().min(1).max(90).default(7)
      })
      .default({ mode: 'own_team', dueDays: 7 })
  })
  .strict()
  .meta({
    id: 'SamplingPlanDefinition',
    description: 'A sampling plan as edited and as frozen in each published version; every field has a default'
  });

export type PlanDefinition = z.infer<typeof PlanDefinition>;
export type PlanDefinitionInput = z.input<typeof PlanDefinition>;
