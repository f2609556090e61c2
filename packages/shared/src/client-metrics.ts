import { z } from 'zod';
import { Estimate } from './contract.ts';

/**
 * The figures a client audits and a contract can target, in one catalogue: the portal, the contract report,
 * its PDF and CSV all read these ids, ranges and directions (docs/client-audit.md).
 *
 * Units: `points` are 0–100 scorecard scores; `percent` are shares ×100 (Wilson interval ×100); `scale` is a
 * mean on the answer scale (CSAT 1–5); `nps` is % promoters − % detractors (−100…100).
 */
export const CLIENT_METRICS = [
  'qa_score',
  'customer_friendly_score',
  'customer_oriented_score',
  'compliance_score',
  'critical_error_free_rate',
  'customer_critical_rate',
  'business_critical_rate',
  'compliance_critical_rate',
  'mystery_service_level',
  'mystery_never_reached_rate',
  'mystery_right_answer_rate',
  'csat_mean',
  'csat_top2',
  'fcr',
  'nps'
] as const;
export const ClientMetricId = z.enum(CLIENT_METRICS).meta({ id: 'ClientMetricId', description: 'A figure of the client audit' });
export type ClientMetricId = z.infer<typeof ClientMetricId>;

export type MetricUnit = 'points' | 'percent' | 'scale' | 'nps';
export type MetricSource = 'evaluations' | 'mystery' | 'surveys';

export type MetricInfo = {
  unit: MetricUnit;
  /** The values the metric can take: a contract target outside it is refused. */
  range: readonly [number, number];
  /** true: more is better (a target is a floor); false: less is better (a target is a ceiling). */
  higherIsBetter: boolean;
  source: MetricSource;
  /** A contract may target it (the per-class critical rates are shown, not contracted). */
  contractable: boolean;
};

export const METRIC_INFO: Record<ClientMetricId, MetricInfo> = {
  qa_score: { unit: 'points', range: [0, 100], higherIsBetter: true, source: 'evaluations', contractable: true },
  customer_friendly_score: { unit: 'points', range: [0, 100], higherIsBetter: true, source: 'evaluations', contractable: true },
  customer_oriented_score: { unit: 'points', range: [0, 100], higherIsBetter: true, source: 'evaluations', contractable: true },
  compliance_score: { unit: 'points', range: [0, 100], higherIsBetter: true, source: 'evaluations', contractable: true },
  critical_error_free_rate: { unit: 'percent', range: [0, 100], higherIsBetter: true, source: 'evaluations', contractable: true },
  customer_critical_rate: { unit: 'percent', range: [0, 100], higherIsBetter: false, source: 'evaluations', contractable: false },
  business_critical_rate: { unit: 'percent', range: [0, 100], higherIsBetter: false, source: 'evaluations', contractable: false },
  compliance_critical_rate: { unit: 'percent', range: [0, 100], higherIsBetter: false, source: 'evaluations', contractable: false },
  mystery_service_level: { unit: 'percent', range: [0, 100], higherIsBetter: true, source: 'mystery', contractable: true },
  mystery_never_reached_rate: { unit: 'percent', range: [0, 100], higherIsBetter: false, source: 'mystery', contractable: true },
  mystery_right_answer_rate: { unit: 'percent', range: [0, 100], higherIsBetter: true, source: 'mystery', contractable: true },
  csat_mean: { unit: 'scale', range: [1, 5], higherIsBetter: true, source: 'surveys', contractable: true },
  csat_top2: { unit: 'percent', range: [0, 100], higherIsBetter: true, source: 'surveys', contractable: true },
  fcr: { unit: 'percent', range: [0, 100], higherIsBetter: true, source: 'surveys', contractable: true },
  nps: { unit: 'nps', range: [-100, 100], higherIsBetter: true, source: 'surveys', contractable: true }
};

export const CONTRACTABLE_METRICS = CLIENT_METRICS.filter((m) => METRIC_INFO[m].contractable);

/** A calendar month on the contact center's clock, YYYY-MM. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .meta({ id: 'Month', description: 'A calendar month on the contact center clock (YYYY-MM)' });
export type Month = z.infer<typeof Month>;

/** Every metric of one program (or group of programs) in one month, each with n and its 95% interval. */
export const MetricValues = z
  .record(ClientMetricId, Estimate)
  .meta({ id: 'MetricValues', description: 'Each client metric with n and 95% interval (in the metric unit)' });
export type MetricValues = Record<ClientMetricId, Estimate>;
