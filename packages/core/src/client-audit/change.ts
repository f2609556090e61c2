import type { Estimate } from '@attentive/shared/contract';

/** z for a two-sided 95% interval: the half-width of an estimate's interval over it is that estimate's standard error. */
const Z95 = 1.959963984540054;

export type Change = {
  from: number;
  to: number;
  /** to − from, in the metric's unit. */
  difference: number;
  /** The 95% interval of the difference excludes 0: the change is larger than the sampling noise. */
  largerThanNoise: boolean;
};

/**
 * What changed between two months' estimates of one metric, and whether it is more than the noise.
 *
 * The two months are independent samples, so the standard error of the difference is √(se₁² + se₂²), each
 * se recovered from its own interval as half-width / 1.96 (an asymmetric interval — Wilson, a bounded t —
 * contributes its mean half-width). The change is "larger than the noise" when the difference's 95% interval
 * excludes 0, i.e. |difference| > 1.96 · se. Null when either month has no estimate or no interval: a figure
 * without an interval cannot say whether it moved (docs/client-audit.md, "The portal").
 */
export function changeOf(before: Estimate, after: Estimate): Change | null {
  const se = (e: Estimate) => (e.estimate == null || e.low == null || e.high == null ? null : (e.high - e.low) / 2 / Z95);
  const se1 = se(before);
  const se2 = se(after);
  if (se1 == null || se2 == null) return null;
  const from = before.estimate!;
  const to = after.estimate!;
  const difference = to - from;
  const margin = Z95 * Math.sqrt(se1 * se1 + se2 * se2);
  return { from, to, difference, largerThanNoise: Math.abs(difference) > margin };
}
