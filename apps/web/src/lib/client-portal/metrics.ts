import type { Estimate } from '@attentive/shared/contract';
import { CLIENT_METRICS, METRIC_INFO, type ClientMetricId } from '@attentive/shared/client-metrics';
import type { MetricChange } from '@attentive/shared/client-portal';
import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/** The portal's words for the metric catalogue (shared/client-metrics.ts): name, how a change is said, how a value is shown. */
const NAMES: Record<ClientMetricId, () => string> = {
  qa_score: m.portal_metric_qa_score,
  customer_friendly_score: m.portal_metric_customer_friendly_score,
  customer_oriented_score: m.portal_metric_customer_oriented_score,
  compliance_score: m.portal_metric_compliance_score,
  critical_error_free_rate: m.portal_metric_critical_error_free_rate,
  customer_critical_rate: m.portal_metric_customer_critical_rate,
  business_critical_rate: m.portal_metric_business_critical_rate,
  compliance_critical_rate: m.portal_metric_compliance_critical_rate,
  mystery_service_level: m.portal_metric_mystery_service_level,
  mystery_never_reached_rate: m.portal_metric_mystery_never_reached_rate,
  mystery_right_answer_rate: m.portal_metric_mystery_right_answer_rate,
  csat_mean: m.portal_metric_csat_mean,
  csat_top2: m.portal_metric_csat_top2,
  fcr: m.portal_metric_fcr,
  nps: m.portal_metric_nps
};
export const metricName = (id: ClientMetricId) => NAMES[id]();
export { CLIENT_METRICS };

/** The metrics drawn as trend charts on the home (the others are in the figures table). */
export const TREND_METRICS: ClientMetricId[] = [
  'qa_score',
  'customer_oriented_score',
  'critical_error_free_rate',
  'mystery_service_level',
  'fcr',
  'nps'
];

/** What n counts for a metric's source (EstimateText's unit). */
export const unitOf = (id: ClientMetricId) =>
  METRIC_INFO[id].source === 'evaluations' ? 'evaluations' : METRIC_INFO[id].source === 'mystery' ? 'calls' : 'answers';

/** Percent metrics are 0–100 in the API; EstimateText shows a proportion (0..1) as a percentage. */
export function forDisplay(id: ClientMetricId, e: Estimate): { estimate: Estimate; kind: 'proportion' | 'mean' } {
  if (METRIC_INFO[id].unit !== 'percent') return { estimate: e, kind: 'mean' };
  const d = (v: number | null) => (v == null ? null : v / 100);
  return { estimate: { n: e.n, estimate: d(e.estimate), low: d(e.low), high: d(e.high) }, kind: 'proportion' };
}

/** "QA score rose 2.1 points since October 2026 — more than the noise", or why there is no such line. */
export function changeLine(f: Format, id: ClientMetricId, change: MetricChange | null, previousMonth: string): string {
  const metric = metricName(id);
  const month = f.month(previousMonth);
  if (!change) return m.portal_change_unknown({ metric, month });
  const digits = METRIC_INFO[id].unit === 'scale' ? 2 : 1;
  const size = Math.abs(change.difference);
  if (Number(size.toFixed(digits)) === 0) return m.portal_change_same({ metric, month });
  const n = f.number(size, digits);
  const unit = METRIC_INFO[id].unit;
  const amount =
    unit === 'points'
      ? m.portal_unit_points({ n })
      : unit === 'percent'
        ? m.portal_unit_percent({ n })
        : unit === 'scale'
          ? m.portal_unit_scale({ n })
          : m.portal_unit_nps({ n });
  const noise = change.largerThanNoise ? m.portal_noise_larger() : m.portal_noise_within();
  return change.difference > 0
    ? m.portal_change_rose({ metric, amount, month, noise })
    : m.portal_change_fell({ metric, amount, month, noise });
}

/** The chart domain of a metric: its range (a 0–100 score is drawn on 0–100, NPS on −100…100). */
export const domainOf = (id: ClientMetricId): [number, number] => [...METRIC_INFO[id].range];
