import { z } from 'zod';
import { Estimate, Ref } from './contract.ts';
import { ClientMetricId, MetricValues, Month } from './client-metrics.ts';

/**
 * The monthly contract report of one program (docs/client-audit.md, "The monthly report"): the terms in
 * force for the month, each target with its measured value, interval, n, verdict and money, and every other
 * figure of the month. The screen, the CSV and the PDF are all made from this one shape.
 */

export const Verdict = z.enum(['met', 'missed', 'inconclusive']).meta({
  id: 'ContractVerdict',
  description:
    'met: the whole 95% interval clears the target; missed: the whole interval is on the wrong side; inconclusive: it straddles the target (no money moves)'
});
export type Verdict = z.infer<typeof Verdict>;

export const MetricUnit = z.enum(['points', 'percent', 'scale', 'nps']);

export const ReportTerms = z
  .object({
    version: z.number().int(),
    validFrom: Month,
    validTo: Month.nullable(),
    monthlyFeeCents: z.number().int(),
    currency: z.string(),
    note: z.string()
  })
  .meta({ id: 'ContractReportTerms', description: 'The contract terms version in force for the month' });
export type ReportTerms = z.infer<typeof ReportTerms>;

export const ReportTarget = z
  .object({
    metric: ClientMetricId,
    unit: MetricUnit,
    higherIsBetter: z.boolean(),
    target: z.number(),
    step: z.number(),
    maxSteps: z.number().int(),
    money: z.object({ kind: z.enum(['amount', 'percent']), bonusPerStep: z.number().int(), malusPerStep: z.number().int() }),
    measured: Estimate,
    verdict: Verdict,
    steps: z.number().int(),
    bonusCents: z.number().int(),
    malusCents: z.number().int()
  })
  .meta({ id: 'ContractReportTarget' });
export type ReportTarget = z.infer<typeof ReportTarget>;

export const VerdictCounts = z
  .object({ met: z.number().int(), missed: z.number().int(), inconclusive: z.number().int() })
  .meta({ id: 'VerdictCounts' });
export type VerdictCounts = z.infer<typeof VerdictCounts>;

/** One sampling plan that drew the month's calls for evaluation, as published. */
export const ReportSamplingPlan = z
  .object({
    name: z.string(),
    version: z.number().int(),
    period: z.enum(['week', 'month']),
    perAgent: z.number().int(),
    percentOfEligible: z.number().nullable(),
    min: z.number().int().nullable(),
    max: z.number().int().nullable()
  })
  .meta({ id: 'ContractReportSamplingPlan' });
export type ReportSamplingPlan = z.infer<typeof ReportSamplingPlan>;

export const ReportMethods = z
  .object({
    /** Submitted evaluations that count toward the agent, submitted in the month. */
    evaluations: z.number().int(),
    mysteryCalls: z.number().int(),
    /** Callback survey responses of the month (the largest n of the survey figures). */
    surveyResponses: z.number().int(),
    sampling: z.array(ReportSamplingPlan),
    confidence: z.number(),
    intervals: z.object({ points: z.literal('t'), percent: z.literal('wilson'), scale: z.literal('t'), nps: z.literal('adjusted_wald') })
  })
  .meta({ id: 'ContractReportMethods' });
export type ReportMethods = z.infer<typeof ReportMethods>;

export const ContractReport = z
  .object({
    program: Ref,
    client: Ref,
    month: Month,
    timeZone: z.string(),
    generatedAt: z.string(),
    terms: z.union([ReportTerms, z.null()]),
    targets: z.array(ReportTarget),
    counts: VerdictCounts,
    /** Bonuses minus maluses, whole cents. */
    balanceCents: z.number().int(),
    methods: ReportMethods,
    figures: MetricValues
  })
  .meta({ id: 'ContractReport' });
export type ContractReport = z.infer<typeof ContractReport>;

export const ContractReportMonth = z
  .object({
    month: Month,
    termsVersion: z.number().int().nullable(),
    counts: VerdictCounts,
    balanceCents: z.number().int(),
    /** The terms' currency (EUR without terms). */
    currency: z.string(),
    evaluations: z.number().int()
  })
  .meta({ id: 'ContractReportMonth' });

export const ContractReportMonths = z
  .object({ program: Ref, client: Ref, items: z.array(ContractReportMonth) })
  .meta({ id: 'ContractReportMonths', description: 'The months with figures or terms, the last 24, newest first' });
export type ContractReportMonths = z.infer<typeof ContractReportMonths>;

export { Month };
