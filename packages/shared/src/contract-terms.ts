import { z } from 'zod';
import { CONTRACTABLE_METRICS, METRIC_INFO, Month } from './client-metrics.ts';
import { Ref } from './contract.ts';
import { plainText } from './text.ts';

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
  // Name the field that is too large (bonus or malus), not always the bonus.
  .superRefine((r, ctx) => {
    if (r.kind !== 'percent') return;
    for (const key of ['bonusPerStep', 'malusPerStep'] as const)
      if (r[key] > 10_000)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} ${r[key]}: a percentage per step is at most 10000 basis points (100% of the fee)`
        });
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

/** The largest monthly fee: €1 billion in cents, so fee × basis points × steps stays an exact integer (verdict.ts). */
export const MAX_MONTHLY_FEE_CENTS = 100_000_000_000;
export const MAX_CONTRACT_TARGETS = 20;

/**
 * New contract terms of a program (admins): the months they are in force, the fee the percentages apply to,
 * and 1–20 targets, each metric at most once. Terms are versioned: never edited, only ended (docs/client-audit.md).
 */
export const ContractTermsInput = z
  .object({
    validFrom: Month.meta({ description: 'First month in force (YYYY-MM, the contact center clock)' }),
    validTo: Month.nullish().meta({ description: 'Last month in force, inclusive; absent or null: until further notice' }),
    monthlyFeeCents: z
      .number()
      .int('the fee is whole cents')
      .min(0, 'the fee cannot be negative')
      .max(MAX_MONTHLY_FEE_CENTS, `the fee is at most ${MAX_MONTHLY_FEE_CENTS} cents`)
      .meta({ description: 'The monthly fee in cents (the percentages of a target apply to it)' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency is 3 capital letters (ISO 4217), e.g. EUR')
      .default('EUR'),
    targets: z
      .array(ContractTarget)
      .min(1, 'give at least one target')
      .max(MAX_CONTRACT_TARGETS, `at most ${MAX_CONTRACT_TARGETS} targets`)
      .superRefine((targets, ctx) => {
        const seen = new Map<string, number>();
        targets.forEach((t, i) => {
          const first = seen.get(t.metric);
          if (first != null)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'metric'],
              message: `${t.metric} is targeted twice (targets ${first + 1} and ${i + 1}): each metric at most once`
            });
          else seen.set(t.metric, i);
        });
      }),
    note: plainText({ max: 2000, multiline: true }).default('')
  })
  .superRefine((v, ctx) => {
    if (v.validTo != null && v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: `validTo ${v.validTo} is before validFrom ${v.validFrom}` });
  })
  .meta({ id: 'ContractTermsInput' });
export type ContractTermsInput = z.input<typeof ContractTermsInput>;

export const CreateContractTermsInput = ContractTermsInput.safeExtend({
  endOpenVersion: z.boolean().optional().meta({
    description:
      'When the only overlap is the open-ended version that starts before validFrom, end it at the month before validFrom (the usual "new terms from March") instead of refusing'
  })
}).meta({ id: 'CreateContractTermsInput' });
export type CreateContractTermsInput = z.input<typeof CreateContractTermsInput>;

export const EndContractTermsInput = z
  .object({ validTo: Month.meta({ description: 'The last month the version is in force, inclusive' }) })
  .meta({ id: 'EndContractTermsInput' });
export type EndContractTermsInput = z.infer<typeof EndContractTermsInput>;

/** A stored target with its metric's unit and direction (a target is a floor when higher is better, else a ceiling). */
export const ContractTargetView = z
  .object({
    metric: z.string(),
    target: z.number(),
    step: z.number(),
    maxSteps: z.number().int(),
    money: z.object({ kind: z.enum(['amount', 'percent']), bonusPerStep: z.number().int(), malusPerStep: z.number().int() }),
    unit: z.enum(['points', 'percent', 'scale', 'nps']),
    higherIsBetter: z.boolean()
  })
  .meta({ id: 'ContractTargetView' });
export type ContractTargetView = z.infer<typeof ContractTargetView>;

export const ContractTermsVersion = z
  .object({
    id: z.number().int(),
    programId: z.number().int(),
    version: z.number().int(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    monthlyFeeCents: z.number().int(),
    currency: z.string(),
    targets: z.array(ContractTargetView),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.string()
  })
  .meta({ id: 'ContractTermsVersion', description: 'One version of a program’s contract terms (never edited; only ended)' });
export type ContractTermsVersion = z.infer<typeof ContractTermsVersion>;

export const ContractTermsList = z
  .object({
    program: Ref,
    client: Ref,
    /** Newest first. */
    versions: z.array(ContractTermsVersion),
    /** The version in force this month (the contact center clock), or null. */
    current: z.number().int().nullable(),
    month: z.string().meta({ description: 'This month on the contact center clock (YYYY-MM)' })
  })
  .meta({ id: 'ContractTermsList' });
export type ContractTermsList = z.infer<typeof ContractTermsList>;

/**
 * Every program the reader may see, with the terms in force this month (or null) and how many versions it has.
 * (A union with null, not `.nullable()`: on a named schema that loses the null in the OpenAPI document.)
 */
export const ContractOverview = z
  .object({
    month: z.string(),
    items: z.array(z.object({ program: Ref, client: Ref, versions: z.number().int(), current: z.union([ContractTermsVersion, z.null()]) }))
  })
  .meta({ id: 'ContractOverview' });
export type ContractOverview = z.infer<typeof ContractOverview>;

export { Month };
