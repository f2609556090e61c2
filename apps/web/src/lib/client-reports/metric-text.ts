import type { ClientMetricId, MetricUnit } from '@attentive/shared/client-metrics';
import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/** Each client metric's name on screen (the PDF has its own words in the API: downloads/contract-report-text.ts). */
export const METRIC_NAME: Record<ClientMetricId, () => string> = {
  qa_score: m.report_metric_qa_score,
  customer_friendly_score: m.report_metric_customer_friendly_score,
  customer_oriented_score: m.report_metric_customer_oriented_score,
  compliance_score: m.report_metric_compliance_score,
  critical_error_free_rate: m.report_metric_critical_error_free_rate,
  customer_critical_rate: m.report_metric_customer_critical_rate,
  business_critical_rate: m.report_metric_business_critical_rate,
  compliance_critical_rate: m.report_metric_compliance_critical_rate,
  mystery_service_level: m.report_metric_mystery_service_level,
  mystery_never_reached_rate: m.report_metric_mystery_never_reached_rate,
  mystery_right_answer_rate: m.report_metric_mystery_right_answer_rate,
  csat_mean: m.report_metric_csat_mean,
  csat_top2: m.report_metric_csat_top2,
  fcr: m.report_metric_fcr,
  nps: m.report_metric_nps
};

/**
 * A figure in its metric's unit as text: percent metrics are 0–100 (shown as "85.3%"), scores at most one
 * decimal, the CSAT mean two. The same precision as the PDF, so the page and the download show the same figures.
 */
export function metricValue(f: Format, x: number | null, unit: MetricUnit): string {
  if (x == null) return '–';
  if (unit === 'percent') return f.percent(x / 100, 1);
  if (unit === 'scale') return f.number(Math.round(x * 100) / 100, 2);
  return f.number(x, 1);
}
