/**
 * The contract verdict and its money, pure and exact (docs/client-audit.md, "Verdicts and money").
 *
 * Every figure is first put in whole hundredths of its metric's unit (`hundredths`): targets are entered with
 * at most two decimals, and comparing whole numbers makes the rule exact, so shifting value, interval and
 * target by the same amount can never change a verdict through rounding. Money is whole cents throughout.
 */

export type Verdict = 'met' | 'missed' | 'inconclusive';

/** A measured value and its 95% interval, in hundredths of the metric's unit; null ends: too few observations. */
export type MeasuredHundredths = { estimate: number | null; low: number | null; high: number | null };

/** A figure in whole hundredths of its unit (85.5 points → 8550). */
export const hundredths = (x: number) => Math.round(x * 100);

/**
 * Met when the whole interval clears the target on the good side (a target is a floor for a
 * higher-is-better metric, a ceiling otherwise; reaching it exactly meets it), missed when the whole interval
 * is on the bad side, inconclusive when the interval straddles the target or there is no interval.
 */
export function verdictOf(m: MeasuredHundredths, target: number, higherIsBetter: boolean): Verdict {
  if (m.low == null || m.high == null) return 'inconclusive';
  if (higherIsBetter) {
    if (m.low >= target) return 'met';
    if (m.high < target) return 'missed';
  } else {
    if (m.high <= target) return 'met';
    if (m.low > target) return 'missed';
  }
  return 'inconclusive';
}

/** How money follows a target: per step of `step` (hundredths) beyond it, at most `maxSteps` steps. */
export type MoneyRule = {
  step: number;
  maxSteps: number;
  kind: 'amount' | 'percent';
  /** Cents per step ('amount') or basis points of the monthly fee per step ('percent'). */
  bonusPerStep: number;
  malusPerStep: number;
};

/**
 * Steps earned: none unless the verdict is met or missed; then one for clearing the target, plus one per
 * whole step the estimate lies beyond it, capped at maxSteps.
 */
export function stepsOf(verdict: Verdict, estimate: number | null, target: number, rule: Pick<MoneyRule, 'step' | 'maxSteps'>): number {
  if (verdict === 'inconclusive' || estimate == null) return 0;
  const beyond = Math.abs(estimate - target);
  return Math.min(rule.maxSteps, 1 + Math.floor(beyond / rule.step));
}

/** round-half-up of a / b for whole a ≥ 0, b > 0, exact for any size (BigInt). */
function divRound(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}

/** Cents for `steps` steps of `perStep` (cents, or basis points of the fee). Exact whole cents. */
export function centsFor(steps: number, perStep: number, kind: MoneyRule['kind'], monthlyFeeCents: number): number {
  if (steps === 0 || perStep === 0) return 0;
  const total =
    kind === 'amount' ? BigInt(perStep) * BigInt(steps) : divRound(BigInt(monthlyFeeCents) * BigInt(perStep) * BigInt(steps), 10_000n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('contract amount exceeds the largest exact number of cents');
  return Number(total);
}

export type TargetOutcome = { verdict: Verdict; steps: number; bonusCents: number; malusCents: number };

/** The verdict of one target and the money it moves: a bonus when met, a malus when missed, nothing when inconclusive. */
export function targetOutcome(
  m: MeasuredHundredths,
  target: number,
  higherIsBetter: boolean,
  rule: MoneyRule,
  monthlyFeeCents: number
): TargetOutcome {
  const verdict = verdictOf(m, target, higherIsBetter);
  const steps = stepsOf(verdict, m.estimate, target, rule);
  return {
    verdict,
    steps,
    bonusCents: verdict === 'met' ? centsFor(steps, rule.bonusPerStep, rule.kind, monthlyFeeCents) : 0,
    malusCents: verdict === 'missed' ? centsFor(steps, rule.malusPerStep, rule.kind, monthlyFeeCents) : 0
  };
}

/** The month's balance: bonuses minus maluses, whole cents. */
export function balanceCents(outcomes: readonly Pick<TargetOutcome, 'bonusCents' | 'malusCents'>[]): number {
  return outcomes.reduce((sum, o) => sum + o.bonusCents - o.malusCents, 0);
}
