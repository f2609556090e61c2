import { z } from 'zod';
import { CONTRACTABLE_METRICS, METRIC_INFO, Month } from './client-metrics.ts';

/** A number with at most two decimals: contract figures are compared in whole hundredths (core/client-audit/verdict.ts). */
const twoDecimals = (what: string) =>
  z
    .number()
    .finite()
    .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, `${what} has at most two decimals`);

export const MoneyRule = z
  .object({
    kind: z
      .enum(['amount', 'percent'])
      .meta({ description: "'amount': cents per step; 'percent': basis points (1/100 %) of the monthly fee per step" }),
    bonusPerStep: z.number().int().min(0).max(100_000_000_00),
    malusPerStep: z.number().int().min(0).max(100_000_000_00)
  })
  .refine((r) => r.kind === 'amount' || (r.bonusPerStep <= 10_000 && r.malusPerStep <= 10_000), {
    message: 'a percentage per step is at most 10000 basis points (100% of the fee)',
    path: ['bonusPerStep']
  })
  .meta({ id: 'MoneyRule' });
export type MoneyRule = z.infer<typeof MoneyRule>;

/** One contract target: a metric, the level agreed, and the money per step beyond it. */
export const ContractTarget = z
  .object({
    metric: z.enum(CONTRACTABLE_METRICS as unknown as [string, ...string[]]).meta({ description: 'A contractable ClientMetricId' }),
    target: twoDecimals('target'),
    /** Size of one step in the metric's unit (e.g. 1 point, 2 percentage points). */
    step: twoDecimals('step').refine((x) => x > 0, 'step must be above 0'),
    maxSteps: z.number().int().min(1).max(100),
    money: MoneyRule
  })
  .superRefine((t, ctx) => {
    const info = METRIC_INFO[t.metric as keyof typeof METRIC_INFO];
    if (!info) return;
    const [lo, hi] = info.range;
    if (t.target < lo || t.target > hi)
      ctx.addIssue({ code: 'custom', path: ['target'], message: `target ${t.target} is outside ${t.metric}'s range ${lo}–${hi}` });
  })
  .meta({ id: 'ContractTarget' });
export type ContractTarget = z.infer<typeof ContractTarget>;

export { Month };
