import { METRIC_INFO, type ClientMetricId, type MetricValues } from '@attentive/shared/client-metrics';
import type { ReportTarget, VerdictCounts } from '@attentive/shared/contract-report';
import { balanceCents, hundredths, targetOutcome } from '../verdict.ts';
import type { ContractTermsRow } from './terms-in-force.ts';

const h = (x: number | null) => (x == null ? null : hundredths(x));

/**
 * Each target of a terms version against the month's measured figures: the verdict and money come only from
 * verdict.ts (targetOutcome, balanceCents), with value, interval, target and step in whole hundredths of the
 * metric's unit. Pure. Without terms: no targets, balance 0.
 */
export function reportTargets(terms: Pick<ContractTermsRow, 'targets' | 'monthlyFeeCents'> | null, figures: MetricValues) {
  const targets: ReportTarget[] = (terms?.targets ?? []).map((t) => {
    const metric = t.metric as ClientMetricId;
    const info = METRIC_INFO[metric];
    const measured = figures[metric];
    const outcome = targetOutcome(
      { estimate: h(measured.estimate), low: h(measured.low), high: h(measured.high) },
      hundredths(t.target),
      info.higherIsBetter,
      { step: hundredths(t.step), maxSteps: t.maxSteps, ...t.money },
      terms!.monthlyFeeCents
    );
    return {
      metric,
      unit: info.unit,
      higherIsBetter: info.higherIsBetter,
      target: t.target,
      step: t.step,
      maxSteps: t.maxSteps,
      money: { kind: t.money.kind, bonusPerStep: t.money.bonusPerStep, malusPerStep: t.money.malusPerStep },
      measured,
      ...outcome
    };
  });
  const counts: VerdictCounts = { met: 0, missed: 0, inconclusive: 0 };
  for (const t of targets) counts[t.verdict]++;
  return { targets, counts, balanceCents: balanceCents(targets) };
}
