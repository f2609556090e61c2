import { z } from 'zod';
import { CallFacts, Estimate } from './contract.ts';
import { Answers, AnswerValue, ScorecardDefinition, ScoreResult } from './scorecard.ts';

/**
 * The client's blind re-score (issue 17, docs/client-audit.md "The blind re-score"): a verifiable random share of
 * the contact center's evaluations of the client's programs, scored again by the client's auditors without seeing
 * the contact center's scores, and the difference (contact center − client) per item and overall.
 */

const Int = z.number().int();
const Id = Int.positive();

/** The share drawn, in percent: 0.5 – 50 (stored in basis points, so at most two decimals). */
export const RESCORE_SHARE_MIN = 0.5;
export const RESCORE_SHARE_MAX = 50;
/** The longest period a re-score draws from, in days. */
export const RESCORE_MAX_DAYS = 366;

const LocalDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD')
  .meta({ description: "A day 'YYYY-MM-DD' in the contact center's time zone", example: '2026-11-01' });

export const RequestRescoreBody = z
  .object({
    clientId: Id.optional().describe('The client (needed only when you audit more than one and name no program)'),
    programId: Id.optional().describe("One of the client's programs; leave out for all of them"),
    fromDay: LocalDay,
    toDay: LocalDay,
    sharePercent: z
      .number()
      .min(RESCORE_SHARE_MIN, `draw at least ${RESCORE_SHARE_MIN}%`)
      .max(RESCORE_SHARE_MAX, `draw at most ${RESCORE_SHARE_MAX}%`)
      .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'at most two decimals')
  })
  .meta({ id: 'RequestRescore' });
export type RequestRescoreBody = z.input<typeof RequestRescoreBody>;

/** A re-score as lists show it: what was drawn, and how far the client's auditors are. */
export const RescoreSummary = z
  .object({
    id: Int,
    client: z.object({ id: Int, name: z.string() }),
    program: z.object({ id: Int, name: z.string() }).nullable().describe('Null: every program of the client'),
    fromDay: z.string(),
    toDay: z.string(),
    sharePercent: z.number(),
    populationCount: Int.describe('Submitted counting evaluations of the programs in the period'),
    drawn: Int,
    scored: Int.describe('Items the client has submitted a score for'),
    requestedBy: z.string(),
    createdAt: z.string()
  })
  .meta({ id: 'RescoreSummary' });
export type RescoreSummary = z.infer<typeof RescoreSummary>;

export const RescoreItemRow = z.object({
  id: Int,
  position: Int.describe('Place in the draw, from 1 (lowest rank first)'),
  callId: Int,
  callStartedAt: z.string(),
  rank: z.string(),
  state: z.enum(['open', 'draft', 'scored']).describe("open: nobody started; draft: the client's score is being made; scored: submitted"),
  scorer: z.string().nullable().describe('Who scores (or scored) it for the client')
});
export type RescoreItemRow = z.infer<typeof RescoreItemRow>;

export const RescoreDetail = RescoreSummary.extend({
  seed: z.string(),
  populationHash: z.string(),
  canScore: z.boolean().describe("You are one of the client's auditors: you score its items"),
  items: z.array(RescoreItemRow)
}).meta({ id: 'RescoreDetail' });
export type RescoreDetail = z.infer<typeof RescoreDetail>;

/** The client's score of one item: a draft (its author only) or submitted. */
export const RescoreClientScore = z
  .object({
    evaluationId: Int,
    status: z.enum(['draft', 'submitted']),
    version: Int.describe('Concurrency token: send it back when saving (stale → 409)'),
    answers: z.record(z.string(), AnswerValue),
    score: ScoreResult,
    scorer: z.string()
  })
  .meta({ id: 'RescoreClientScore' });
export type RescoreClientScore = z.infer<typeof RescoreClientScore>;

const Turn = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });

/** One drawn item to score: the call, the scorecard, the client's own score; the contact center's only once scored. */
export const RescoreItemScreen = z
  .object({
    rescore: z.object({ id: Int, client: z.string(), program: z.string().nullable() }),
    item: z.object({
      id: Int,
      position: Int,
      total: Int,
      prevItemId: Int.nullable(),
      nextItemId: Int.nullable(),
      scoredAt: z.string().nullable()
    }),
    contact: z.object({
      agent: z.object({ id: Int, name: z.string(), code: z.string() }).nullable(),
      team: z.object({ id: Int, name: z.string() }).nullable(),
      program: z.object({ id: Int, name: z.string(), client: z.string() })
    }),
    call: CallFacts,
    transcript: z.array(Turn),
    scorecard: z.object({ versionId: Int, version: Int, definition: ScorecardDefinition }),
    client: RescoreClientScore.nullable().describe("The client's score: your own draft, or the submitted score; null before anyone starts"),
    scorer: z.string().nullable().describe('Who scores this item for the client (another auditor: you cannot)'),
    canScore: z.boolean(),
    contactCenter: z
      .object({ evaluationId: Int, evaluator: z.string(), answers: z.record(z.string(), AnswerValue), score: ScoreResult })
      .nullable()
      .describe("The contact center's drawn evaluation: null until the client's score is submitted")
  })
  .meta({ id: 'RescoreItemScreen' });
export type RescoreItemScreen = z.infer<typeof RescoreItemScreen>;

export const SaveRescoreScoreBody = z
  .object({ answers: Answers, version: Id.optional().describe('The version you read; leave out on the first save') })
  .meta({ id: 'SaveRescoreScore' });
export type SaveRescoreScoreBody = z.input<typeof SaveRescoreScoreBody>;

export const RescoreVerification = z
  .object({
    rescoreId: Int,
    ok: z.boolean(),
    seed: z.string(),
    algorithm: z.string(),
    stored: z.object({ populationHash: z.string(), populationCount: Int, drawn: Int }),
    recomputed: z.object({ populationHash: z.string(), populationCount: Int, drawn: Int }),
    checks: z.array(z.object({ name: z.enum(['population', 'draw', 'ranks']), ok: z.boolean(), detail: z.string() })),
    missing: z.array(Int).describe('Evaluation ids the draw gives but the re-score does not hold'),
    unexpected: z.array(Int).describe('Evaluation ids the re-score holds but the draw does not give')
  })
  .meta({ id: 'RescoreVerification' });
export type RescoreVerification = z.infer<typeof RescoreVerification>;

/** lenient: the contact center scores higher than the client (interval above 0); stricter: below 0. */
export const RescoreReading = z.enum(['lenient', 'stricter', 'noise', 'too_few']);
export type RescoreReading = z.infer<typeof RescoreReading>;

export const RescoreComparison = z
  .object({
    rescoreId: Int,
    scored: Int,
    drawn: Int,
    overall: z.object({ difference: Estimate, reading: RescoreReading }),
    items: z.array(
      z.object({
        itemId: z.string(),
        text: z.string(),
        sectionTitle: z.string(),
        dimension: z.string(),
        difference: Estimate.describe('Contact center − client, in points of the item (0–100), over the pairs both answered'),
        reading: RescoreReading
      })
    ),
    pairs: z.array(
      z.object({
        itemId: Int.describe('The re-score item'),
        callId: Int,
        contactCenter: z.number().nullable(),
        client: z.number().nullable(),
        difference: z.number().nullable()
      })
    )
  })
  .meta({ id: 'RescoreComparison' });
export type RescoreComparison = z.infer<typeof RescoreComparison>;
