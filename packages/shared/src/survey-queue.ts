import { z } from 'zod';
import { plainText } from './text.ts';
import {
  CallbackItemStatus,
  SurveyAnswers,
  SurveyAttribution,
  SurveyLanguage,
  SurveyQuestionKind,
  CALLBACK_ATTEMPT_OUTCOMES
} from './surveys.ts';

/**
 * The survey caller's queue (docs/callback-surveys-queue.md): what the caller's screens and the API share.
 * A caller sees a call's date, program and reason, the agent's first name and — only while it holds the
 * item — the customer's phone number; never evaluation scores.
 */

/** A claim older than this may be taken over by another caller (someone went home with an item open). */
export const CLAIM_STALE_MINUTES = 30;

/** What a caller records by hand; `completed` is recorded by submitting the answers. */
export const CALLER_ATTEMPT_OUTCOMES = CALLBACK_ATTEMPT_OUTCOMES.filter((o) => o !== 'completed') as [
  'no_answer',
  'voicemail',
  'wrong_number',
  'declined'
];
export const CallerAttemptOutcome = z
  .enum(CALLER_ATTEMPT_OUTCOMES, {
    message: `expected one of ${CALLER_ATTEMPT_OUTCOMES.join(', ')} (a completed survey: submit the answers)`
  })
  .meta({ id: 'CallerAttemptOutcome', description: 'No answer, voicemail, wrong number, or the customer declined' });

const Instant = z.string().meta({ description: 'ISO 8601 instant' });

/** One line of the queue: no contact details, no scores. */
export const QueueItem = z
  .object({
    id: z.number().int(),
    programName: z.string(),
    callStartedAt: Instant,
    drawDay: z.string(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    nextAttemptAt: Instant,
    /** Held by the asking caller (to resume). */
    mine: z.boolean()
  })
  .meta({ id: 'SurveyQueueItem' });
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueOverview = z
  .object({
    /** My claimed open items first, then the due ones (oldest draw first, rank order), at most 50. */
    items: z.array(QueueItem),
    counts: z.object({
      dueNow: z.number().int(),
      laterToday: z.number().int(),
      myAttemptsToday: z.number().int(),
      myCompletedToday: z.number().int()
    })
  })
  .meta({ id: 'SurveyQueueOverview' });
export type QueueOverview = z.infer<typeof QueueOverview>;

export const ClaimInput = z
  .object({ itemId: z.number().int().positive().optional() })
  .meta({ id: 'ClaimSurveyQueueItem', description: 'Claim this item, or (no itemId) the next due one' });
export const Claimed = z
  .object({ itemId: z.number().int().nullable() })
  .meta({ id: 'SurveyQueueClaim', description: 'The claimed item, or null when nothing is due' });

/** A question as the caller reads it out: in the customer's language, with its answer scale. */
export const ScriptQuestion = z
  .object({
    id: z.string(),
    kind: SurveyQuestionKind,
    attribution: SurveyAttribution,
    required: z.boolean(),
    text: z.string(),
    scale: z.union([
      z.object({ type: z.literal('scale'), min: z.number().int(), max: z.number().int() }),
      z.object({ type: z.literal('yes_no') }),
      z.object({ type: z.literal('text'), max: z.number().int() })
    ])
  })
  .meta({ id: 'SurveyScriptQuestion' });

export const QueueItemDetail = z
  .object({
    id: z.number().int(),
    status: CallbackItemStatus,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    retryMinutes: z.number().int(),
    claimedAt: Instant,
    call: z.object({
      startedAt: Instant,
      programName: z.string(),
      clientName: z.string(),
      direction: z.enum(['inbound', 'outbound']),
      queueName: z.string().nullable(),
      /** The call's reason as the telephony system recorded it (its disposition), when it did. */
      reason: z.string().nullable(),
      talkSeconds: z.number().int()
    }),
    /** The agent's first name only: "you spoke with Anna". */
    agentFirstName: z.string(),
    language: SurveyLanguage,
    /** Decrypted for the claiming caller only; null when erased. */
    phone: z.string().nullable(),
    templateVersionId: z.number().int(),
    intro: z.string(),
    questions: z.array(ScriptQuestion),
    history: z.array(z.object({ at: Instant, outcome: z.enum(CALLBACK_ATTEMPT_OUTCOMES), byMe: z.boolean() }))
  })
  .meta({ id: 'SurveyQueueItemDetail' });
export type QueueItemDetail = z.infer<typeof QueueItemDetail>;

export const RecordAttemptInput = z
  .object({
    outcome: CallerAttemptOutcome,
    /** With `declined`: the customer asks never to be asked again. */
    optOut: z.boolean().default(false),
    note: plainText({ max: 500, multiline: true }).default('')
  })
  .meta({ id: 'RecordSurveyAttempt' });
export type RecordAttemptInput = z.input<typeof RecordAttemptInput>;

export const AttemptRecorded = z
  .object({
    itemId: z.number().int(),
    status: CallbackItemStatus,
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable(),
    closed: z.boolean()
  })
  .meta({ id: 'SurveyAttemptRecorded' });

export const SubmitAnswersInput = z
  .object({
    answers: SurveyAnswers,
    /** The language the survey was held in (default: the customer's). */
    language: SurveyLanguage.optional()
  })
  .meta({ id: 'SubmitSurveyAnswers' });
export type SubmitAnswersInput = z.input<typeof SubmitAnswersInput>;

export const AnswersSubmitted = z.object({ itemId: z.number().int(), responseId: z.number().int() }).meta({ id: 'SurveyAnswersSubmitted' });
