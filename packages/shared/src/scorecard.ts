import { z } from 'zod';
import { DIMENSIONS, Dimension } from './index.ts';
import { plainText } from './text.ts';

/**
 * The definition of one scorecard version: sections of items. Stored as JSON per version, frozen once
 * published (docs/adr/0002-scorecard-versions.md). The scoring formula is docs/scoring.md.
 */

/** Stable keys: kept across versions so answers and trends can be compared item by item. */
export const ITEM_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const Key = z.string().regex(ITEM_KEY_PATTERN, 'must be 1–64 characters of a–z, 0–9, "_" or "-", starting with a letter or digit');

export const CRITICAL_CLASSES = ['customer', 'business', 'compliance'] as const;
export const CriticalClass = z.enum(CRITICAL_CLASSES);
export type CriticalClass = z.infer<typeof CriticalClass>;

export const FAIL_SCOPES = ['section', 'evaluation'] as const;
export const FailScope = z.enum(FAIL_SCOPES);
export type FailScope = z.infer<typeof FailScope>;

export const ANSWER_TYPES = ['yes_no', 'scale', 'choice'] as const;

export const ChoiceOption = z
  .object({
    key: Key.refine((k) => k !== 'na', '"na" is reserved for N.A.'),
    label: plainText({ min: 1, minMessage: 'label is required', max: 200 }),
    points: z.number().finite().min(0, 'points must be 0 or more')
  })
  .meta({ id: 'ChoiceOption' });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const AnswerType = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('yes_no') }),
    z.object({
      type: z.literal('scale'),
      min: z.number().int('min must be a whole number'),
      max: z.number().int('max must be a whole number')
    }),
    z.object({ type: z.literal('choice'), options: z.array(ChoiceOption).min(2, 'a choice needs at least 2 options').max(20) })
  ])
  .meta({
    id: 'AnswerType',
    description: 'How an item is answered: yes/no, a whole-number scale min–max, or a choice of options worth points'
  });
export type AnswerType = z.infer<typeof AnswerType>;

/** A choice answer from its options in order, each `[key, label, points]` (how definitions and fixtures spell one). */
export const choiceOf = (...options: [key: string, label: string, points: number][]) => ({
  type: 'choice' as const,
  options: options.map(([key, label, points]) => ({ key, label, points }))
});

export const Critical = z.object({ class: CriticalClass, failScope: FailScope }).meta({ id: 'Critical' });
export type Critical = z.infer<typeof Critical>;

export const ScorecardItem = z
  .object({
    id: Key,
    text: plainText({ min: 1, minMessage: 'text is required', max: 300 }),
    /** What a pass looks like, with an example. Shown to the evaluator beside the item. */
    guidance: plainText({ max: 4000, multiline: true, trim: false }).default(''),
    answer: AnswerType,
    weight: z.number().finite().min(0, 'weight must be 0 or more').max(1000),
    naAllowed: z.boolean().default(false),
    dimension: Dimension,
    critical: Critical.nullable().default(null),
    /** Bonus items add points without adding to the denominator (docs/scoring.md). */
    bonus: z.boolean().default(false),
    /** A required item must be answered (N.A. counts as an answer where allowed) before submit. */
    required: z.boolean().default(true)
  })
  .meta({ id: 'ScorecardItem' });
export type ScorecardItem = z.infer<typeof ScorecardItem>;
export type ScorecardItemInput = z.input<typeof ScorecardItem>;

export const ScorecardSection = z
  .object({
    id: Key,
    title: plainText({ min: 1, minMessage: 'title is required', max: 200 }),
    description: plainText({ max: 2000, multiline: true, trim: false }).default(''),
    items: z.array(ScorecardItem).max(200)
  })
  .meta({ id: 'ScorecardSection' });
export type ScorecardSection = z.infer<typeof ScorecardSection>;

export const ScorecardDefinition = z
  .object({ sections: z.array(ScorecardSection).max(50) })
  .superRefine((def, ctx) => {
    const sectionIds = new Set<string>();
    const itemIds = new Map<string, string>();
    def.sections.forEach((s, si) => {
      if (sectionIds.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `section "${s.id}": id is used twice` });
      sectionIds.add(s.id);
      s.items.forEach((it, ii) => {
        const at = (...rest: (string | number)[]) => ['sections', si, 'items', ii, ...rest];
        const name = `item "${it.id}"`;
        const prev = itemIds.get(it.id);
        if (prev !== undefined)
          ctx.addIssue({ code: 'custom', path: at('id'), message: `${name}: id is already used in section "${prev}"` });
        itemIds.set(it.id, s.id);
        if (it.answer.type === 'scale' && !(it.answer.max > it.answer.min))
          ctx.addIssue({
            code: 'custom',
            path: at('answer', 'max'),
            message: `${name}: scale max (${it.answer.max}) must be greater than min (${it.answer.min})`
          });
        if (it.answer.type === 'choice') {
          const keys = new Set<string>();
          for (const o of it.answer.options) {
            if (keys.has(o.key))
              ctx.addIssue({ code: 'custom', path: at('answer', 'options'), message: `${name}: option "${o.key}" is used twice` });
            keys.add(o.key);
          }
          if (!it.answer.options.some((o) => o.points > 0))
            ctx.addIssue({
              code: 'custom',
              path: at('answer', 'options'),
              message: `${name}: at least one option must be worth more than 0 points`
            });
        }
        if (it.critical && it.bonus)
          ctx.addIssue({ code: 'custom', path: at('critical'), message: `${name}: a bonus item cannot be critical` });
      });
    });
  })
  .meta({ id: 'ScorecardDefinition', description: 'Sections of items; the scoring formula is docs/scoring.md' });
export type ScorecardDefinition = z.infer<typeof ScorecardDefinition>;
export type ScorecardDefinitionInput = z.input<typeof ScorecardDefinition>;

/** One answer: 'yes' | 'no' for yes/no, a whole number for a scale, an option key for a choice, or 'na'. */
export const AnswerValue = z
  .union([z.number().finite(), z.string().min(1).max(64)])
  .meta({ id: 'AnswerValue', description: "'yes' | 'no' for yes/no, a whole number for a scale, an option key for a choice, or 'na'" });
export type AnswerValue = z.infer<typeof AnswerValue>;
/**
 * An answer or null (none: cleared in a draft, not given). A union, not `AnswerOrNull`: that
 * wrote the null into the named AnswerValue of the OpenAPI document, which then called null a valid answer everywhere.
 */
export const AnswerOrNull = z.union([AnswerValue, z.null()]);
export const Answer = z.object({ itemId: z.string().min(1).max(64), value: AnswerValue }).meta({ id: 'Answer' });
export type Answer = z.infer<typeof Answer>;

export const SCORECARD_VERSION_STATUSES = ['draft', 'published'] as const;
export type ScorecardVersionStatus = (typeof SCORECARD_VERSION_STATUSES)[number];

/** Answers of an evaluation: item id → answer (null clears an answer in a draft). */
export const Answers = z
  .record(z.string().min(1).max(64), AnswerOrNull)
  .meta({ id: 'Answers', example: { greeting: 'yes', empathy: 4, 'card-data': 'na' } });
export type Answers = z.infer<typeof Answers>;

/*
 * The result of THE scoring formula (computeScore in @attentive/core, docs/scoring.md). Declared here
 * so the API document, the verbs and the screens share it; screens display it and never recompute.
 */

/** Points of one aggregate (section, dimension, whole evaluation). Percentages are 0–100, unrounded. */
export const ScoreTotals = z.object({
  /** After critical failures (a failed scope earns 0); null when nothing counts (all N.A. or unanswered). */
  score: z.number().nullable(),
  /** Before critical failures: what the answers alone earn. */
  rawScore: z.number().nullable(),
  earned: z.number(),
  bonus: z.number(),
  possible: z.number()
});
export type ScoreTotals = z.infer<typeof ScoreTotals>;

/** One item's result: what its answer earns of its weight. */
export const ItemScore = z
  .object({
    id: z.string(),
    /** The answer given, or null when unanswered. */
    value: AnswerOrNull,
    /** The share (0–1) of the weight the answer earns; null for N.A. or unanswered. */
    fraction: z.number().min(0).max(1).nullable(),
    /** weight × fraction: the answer's own points, before critical failures (0 when fraction is null). */
    earned: z.number(),
    /** The weight this item adds to the denominator: 0 for bonus, N.A. and unanswered items. */
    possible: z.number(),
    na: z.boolean(),
    bonus: z.boolean(),
    /** A critical item whose answer earns nothing. */
    criticalFail: z.boolean()
  })
  .meta({ id: 'ItemScore' });
export type ItemScore = z.infer<typeof ItemScore>;

export const SectionScore = ScoreTotals.extend({
  id: z.string(),
  title: z.string(),
  failed: z.boolean(),
  answered: z.number().int(),
  na: z.number().int(),
  unanswered: z.number().int(),
  items: z.array(ItemScore)
}).meta({ id: 'SectionScore' });
export type SectionScore = z.infer<typeof SectionScore>;

export const CriticalFailure = z
  .object({ itemId: z.string(), sectionId: z.string(), class: CriticalClass, failScope: FailScope })
  .meta({ id: 'CriticalFailure' });
export type CriticalFailure = z.infer<typeof CriticalFailure>;

const DimensionScore = ScoreTotals.extend({ answered: z.number().int() });
export const ScoreResult = ScoreTotals.extend({
  /** A critical item with failScope 'evaluation' failed: the evaluation scores 0 (fail-all). */
  failed: z.boolean(),
  failedSections: z.array(z.string()),
  criticalErrors: z.object({ customer: z.boolean(), business: z.boolean(), compliance: z.boolean() }),
  criticalFailures: z.array(CriticalFailure),
  sections: z.array(SectionScore),
  dimensions: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, DimensionScore])) as Record<Dimension, typeof DimensionScore>),
  counts: z.object({ items: z.number().int(), answered: z.number().int(), na: z.number().int(), unanswered: z.number().int() })
}).meta({ id: 'ScoreResult', description: 'computeScore: totals, per section with per-item results, per dimension, critical failures' });
export type ScoreResult = z.infer<typeof ScoreResult>;
