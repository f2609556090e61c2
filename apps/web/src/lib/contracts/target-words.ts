import type { ContractTargetView } from '@attentive/shared/contract-terms';
import { m } from '$lib/paraglide/messages';
import type { Format } from '$lib/format';

/**
 * A contract target in words, as the client reads it in its contract: "QA score at least 80 points · bonus 1%
 * of the fee per 2 points above, up to 3 steps · malus 1.5% of the fee per 2 points below, up to 3 steps".
 * A target is a floor when higher is better (bonus above it), else a ceiling (bonus below it).
 */
const METRIC: Record<string, () => string> = {
  qa_score: m.contract_metric_qa_score,
  customer_friendly_score: m.contract_metric_customer_friendly_score,
  customer_oriented_score: m.contract_metric_customer_oriented_score,
  compliance_score: m.contract_metric_compliance_score,
  critical_error_free_rate: m.contract_metric_critical_error_free_rate,
  mystery_service_level: m.contract_metric_mystery_service_level,
  mystery_never_reached_rate: m.contract_metric_mystery_never_reached_rate,
  mystery_right_answer_rate: m.contract_metric_mystery_right_answer_rate,
  csat_mean: m.contract_metric_csat_mean,
  csat_top2: m.contract_metric_csat_top2,
  fcr: m.contract_metric_fcr,
  nps: m.contract_metric_nps
};
export const CONTRACT_METRIC_IDS = Object.keys(METRIC);
export const metricName = (id: string) => (METRIC[id] ?? (() => id))();

/** A level in the metric's unit: 80 points, 95%, 3.5 on the 1–5 scale, −40 NPS points. */
export function levelText(f: Format, unit: ContractTargetView['unit'], v: number) {
  const value = f.number(v, 2);
  if (unit === 'points') return m.contract_unit_points({ value });
  if (unit === 'percent') return m.contract_unit_percent({ value });
  if (unit === 'scale') return m.contract_unit_scale({ value });
  return m.contract_unit_nps({ value });
}

/** A step in the metric's unit (a percentage metric moves in percentage points). */
export function stepText(f: Format, unit: ContractTargetView['unit'], v: number) {
  if (unit === 'percent') return m.contract_unit_percent_step({ value: f.number(v, 2) });
  if (unit === 'scale') return f.number(v, 2);
  return levelText(f, unit, v);
}

/** Money per step: an amount in the currency, or basis points as a percentage of the fee. */
export function perStepText(f: Format, t: Pick<ContractTargetView, 'money'>, perStep: number, currency: string) {
  return t.money.kind === 'amount' ? f.money(perStep, currency) : m.contract_pct_fee({ pct: f.percent(perStep / 10_000, 2) });
}

export function targetWords(f: Format, t: ContractTargetView, currency: string) {
  const value = levelText(f, t.unit, t.target);
  const metric = metricName(t.metric);
  const goal = t.higherIsBetter ? m.contract_floor({ metric, value }) : m.contract_ceiling({ metric, value });
  const step = stepText(f, t.unit, t.step);
  const max = String(t.maxSteps);
  const bonus = t.money.bonusPerStep
    ? (t.higherIsBetter ? m.contract_bonus_above : m.contract_bonus_below)({
        amount: perStepText(f, t, t.money.bonusPerStep, currency),
        step,
        max
      })
    : m.contract_no_bonus();
  const malus = t.money.malusPerStep
    ? (t.higherIsBetter ? m.contract_malus_below : m.contract_malus_above)({
        amount: perStepText(f, t, t.money.malusPerStep, currency),
        step,
        max
      })
    : m.contract_no_malus();
  return { goal, bonus, malus };
}
