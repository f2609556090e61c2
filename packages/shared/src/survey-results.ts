import { z } from 'zod';
import { Estimate } from './contract.ts';
import { plainText } from './text.ts';
import { CallbackChannel, SurveyAttribution, SurveyQuestionKind } from './surveys.ts';

/**
 * Callback survey results (issue 14): the program-level metrics with their formulas, non-response, the split
 * of low answers by attribution, QA next to what customers say per agent, and the low-score alerts. For the
 * core verbs, the API and the web's typed client. Shares are 0..1; NPS is −100..100.
 */

const Ymd = z.iso.date();

/** Which programs and which local days (both inclusive, in the tenant's zone). Default: the last full month. */
export const SurveyResultsQuery = z
  .object({ programId: z.number().int().positive().optional(), from: Ymd.optional(), to: Ymd.optional() })
  .meta({ id: 'SurveyResultsQuery' });
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

export const SURVEY_METRICS = [
  'csat_mean',
  'csat_top2',
  'fcr_solved',
  'fcr_recontact',
  'ces_mean',
  'ces_easy',
  'nps',
  'promise_kept'
] as const;
export type SurveyMetricId = (typeof SURVEY_METRICS)[number];

/**
 * One metric: its id (the screen shows the formula `surveys_results_formula_<id>` next to it), what kind of
 * figure it is (a mean on the question's scale, a share 0..1, or NPS −100..100) and the estimate with n (the
 * answers to that question) and its 95% interval — null when too few answered to say.
 */
export const SurveyMetric = z
  .object({
    id: z.enum(SURVEY_METRICS),
    kind: z.enum(['mean', 'proportion', 'nps']),
    /** The message key of the formula text, e.g. surveys_results_formula_csat_mean. */
    formulaKey: z.string(),
    value: Estimate
  })
  .meta({ id: 'SurveyMetric' });
export type SurveyMetric = z.infer<typeof SurveyMetric>;

/** Non-response of a set of drawn items (a program, or one channel of it). */
export const NonResponse = z
  .object({
    /** Callback items drawn (customers to ask). */
    drawn: z.number().int(),
    /** Items tried: at least one call attempt, or a link sent. */
    attempted: z.number().int(),
    /** Call attempts recorded (a link answered counts as one attempt). */
    attempts: z.number().int(),
    /** Attempts per item tried (mean, t interval). */
    attemptsPerItem: Estimate,
    /** Items where the customer was reached: an attempt ended declined or completed (a person answered). */
    reached: z.number().int(),
    /** Reached over attempted (Wilson interval). */
    reachRate: Estimate,
    /** Completed surveys. */
    responses: z.number().int(),
    /** Responses over items drawn (Wilson interval). */
    responseRate: Estimate,
    /** Responses over items closed (drawn minus still open): the rate once the list is worked (Wilson). */
    responseRateClosed: Estimate,
    /** Items still open (being worked, or a link not yet answered or expired). */
    open: z.number().int(),
    /** Items by status: completed, declined, unreachable, wrong_number, expired, open. */
    byStatus: z.record(z.string(), z.number().int())
  })
  .meta({ id: 'NonResponse' });
export type NonResponse = z.infer<typeof NonResponse>;

/** Low answers (those that raise an alert) by whose doing they judge. */
export const LowAnswerSplit = z
  .object({
    /** Responses with at least one low answer. */
    responsesWithLow: z.number().int(),
    /** Share of responses with an agent-attributable low answer, and with a process-attributable one (Wilson). */
    agentShare: Estimate,
    processShare: Estimate,
    /** Low answers per question kind and attribution. */
    byKind: z.array(z.object({ kind: SurveyQuestionKind, attribution: SurveyAttribution, count: z.number().int() }))
  })
  .meta({ id: 'LowAnswerSplit' });
export type LowAnswerSplit = z.infer<typeof LowAnswerSplit>;

/** One ISO week (Monday's date) of the period: items drawn that week and what came back. */
export const SurveyTrendWeek = z
  .object({ week: Ymd, drawn: z.number().int(), responses: z.number().int(), csat: Estimate, fcr: Estimate })
  .meta({ id: 'SurveyTrendWeek' });

const ProgramRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const Scope = {
  from: Ymd,
  to: Ymd,
  timeZone: z.string(),
  /** The program asked for, or null for every program the reader may see (listed in `programs`). */
  programId: z.number().int().nullable(),
  /** Every program whose survey results the reader may read (for the filter). */
  programs: z.array(ProgramRef)
};

export const SurveyResults = z
  .object({
    ...Scope,
    metrics: z.array(SurveyMetric),
    nonResponse: NonResponse,
    byChannel: z.array(z.object({ channel: CallbackChannel, ...NonResponse.shape })),
    lowAnswers: LowAnswerSplit,
    trend: z.array(SurveyTrendWeek)
  })
  .meta({ id: 'SurveyResults' });
export type SurveyResults = z.infer<typeof SurveyResults>;

/** One agent: QA scores per dimension (submitted evaluations in the period) next to what its customers said. */
export const AgentSurveyRow = z
  .object({
    agent: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    /** Evaluations behind the QA scores. */
    evaluations: z.number().int(),
    friendly: Estimate,
    oriented: Estimate,
    compliance: Estimate,
    /** Responses about the agent's calls. */
    responses: z.number().int(),
    csat: Estimate,
    csatTop2: Estimate,
    fcr: Estimate
  })
  .meta({ id: 'AgentSurveyRow' });
export type AgentSurveyRow = z.infer<typeof AgentSurveyRow>;

export const AgentSurveyResults = z.object({ ...Scope, agents: z.array(AgentSurveyRow) }).meta({ id: 'AgentSurveyResults' });
export type AgentSurveyResults = z.infer<typeof AgentSurveyResults>;

export const SURVEY_ALERT_STATUSES = ['open', 'handled'] as const;
export const SurveyAlertStatus = z.enum(SURVEY_ALERT_STATUSES).meta({ id: 'SurveyAlertStatus' });

export const SurveyAlertsQuery = z
  .object({ status: SurveyAlertStatus.optional(), limit: z.number().int().min(1).max(500).default(100) })
  .meta({ id: 'SurveyAlertsQuery' });

export const SurveyAlert = z
  .object({
    id: z.number().int(),
    status: SurveyAlertStatus,
    createdAt: z.string(),
    /** 'agent' when any low answer is agent-attributable, else 'process'. */
    attribution: SurveyAttribution,
    reasons: z.array(
      z.object({
        questionId: z.string(),
        kind: SurveyQuestionKind,
        attribution: SurveyAttribution,
        value: z.union([z.number(), z.boolean()])
      })
    ),
    comment: z.string().nullable(),
    agent: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    program: ProgramRef,
    call: z.object({ id: z.number().int(), startedAt: z.string() }),
    respondedAt: z.string(),
    handledBy: z.string().nullable(),
    handledAt: z.string().nullable(),
    handledNote: z.string().nullable()
  })
  .meta({ id: 'SurveyAlert' });
export type SurveyAlert = z.infer<typeof SurveyAlert>;

export const SurveyAlertList = z
  .object({ alerts: z.array(SurveyAlert), open: z.number().int(), total: z.number().int() })
  .meta({ id: 'SurveyAlertList' });
export type SurveyAlertList = z.infer<typeof SurveyAlertList>;

/** Handling an alert: what the team lead did for the customer (service recovery). */
export const HandleSurveyAlert = z.object({ note: plainText({ max: 2000, min: 3, multiline: true }) }).meta({ id: 'HandleSurveyAlert' });
export type HandleSurveyAlert = z.infer<typeof HandleSurveyAlert>;
