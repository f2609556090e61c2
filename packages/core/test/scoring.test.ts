import { describe, expect, it } from 'vitest';
import { computeScore, validateAnswers, parseDefinition, DomainError } from '../src/index.ts';
import { sample } from './scoring-fixtures.ts';

const perfect = {
  greeting: 'yes',
  tone: 5,
  'id-check': 'yes',
  need: 'fully',
  'next-step': 'yes',
  'no-card-data': 'yes',
  promise: 'yes'
} as const;

describe('computeScore: examples', () => {
  it('scores a perfect call 100 everywhere', () => {
    const r = computeScore(sample, perfect);
    expect(r.score).toBe(100);
    expect(r.failed).toBe(false);
    expect(r.sections.map((s) => s.score)).toEqual([100, 100, 100]);
    expect(r.dimensions.customer_friendly.score).toBe(100);
    expect(r.counts).toEqual({ items: 8, answered: 7, na: 0, unanswered: 1 });
  });

  it('weights items and maps scales and choices linearly', () => {
    // greeting no (0/2), tone 3 → 0.5·4 = 2, id yes 1, need partly → 0.5·4 = 2, next yes 2, card yes 1, promise yes 1
    const r = computeScore(sample, { ...perfect, greeting: 'no', tone: 3, need: 'partly' });
    expect(r.possible).toBe(15);
    expect(r.earned).toBe(9);
    expect(r.score).toBeCloseTo(60);
    expect(r.sections[0]!.score).toBeCloseTo((100 * 3) / 7);
    expect(r.dimensions.customer_friendly.score).toBeCloseTo((100 * 2) / 6);
    expect(r.dimensions.customer_oriented.score).toBeCloseTo((100 * 5) / 7);
    expect(r.dimensions.compliance.score).toBe(100);
  });

  it('removes N.A. from the denominator', () => {
    const r = computeScore(sample, { ...perfect, greeting: 'no', tone: 'na' });
    expect(r.possible).toBe(11);
    expect(r.score).toBeCloseTo((100 * 9) / 11);
    expect(r.counts.na).toBe(1);
    expect(r.dimensions.customer_friendly).toMatchObject({ possible: 2, earned: 0, score: 0 });
  });

  it('a failed section-scope critical zeroes its section only, and flags its class', () => {
    const r = computeScore(sample, { ...perfect, 'id-check': 'no' });
    expect(r.failed).toBe(false);
    expect(r.failedSections).toEqual(['opening']);
    expect(r.sections[0]).toMatchObject({ score: 0, failed: true, rawScore: (100 * 6) / 7 });
    expect(r.sections[1]!.score).toBe(100);
    expect(r.score).toBeCloseTo((100 * 8) / 15);
    expect(r.dimensions.customer_friendly.score).toBe(0);
    expect(r.criticalErrors).toEqual({ customer: false, business: false, compliance: true });
  });

  it('fail-all beats everything: overall, sections and dimensions are 0', () => {
    const r = computeScore(sample, { ...perfect, 'no-card-data': 'no', 'extra-mile': 'yes' });
    expect(r.failed).toBe(true);
    expect(r.score).toBe(0);
    expect(r.rawScore).toBeCloseTo(100);
    expect(r.sections.every((s) => s.score === 0 && s.failed)).toBe(true);
    expect(Object.values(r.dimensions).every((d) => d.score === 0)).toBe(true);
    expect(r.criticalFailures).toEqual([{ itemId: 'no-card-data', sectionId: 'security', class: 'compliance', failScope: 'evaluation' }]);
  });

  it('a failed section beats N.A.: a section whose other items are all N.A. still scores 0', () => {
    const r = computeScore(sample, { ...perfect, greeting: 'na' as never, tone: 'na', 'id-check': 'no' });
    expect(r.sections[0]).toMatchObject({ score: 0, possible: 1, failed: true });
  });

  it('an N.A. critical item never fails', () => {
    const r = computeScore(sample, { ...perfect, 'id-check': 'na', promise: 'na' });
    expect(r.failedSections).toEqual([]);
    expect(r.score).toBe(100);
  });

  it('bonus lifts a score without adding to the denominator, capped at 100', () => {
    const r = computeScore(sample, { ...perfect, 'next-step': 'no', 'extra-mile': 'yes' });
    expect(r.possible).toBe(15);
    expect(r.bonus).toBe(1);
    expect(r.score).toBeCloseTo((100 * 14) / 15);
    const capped = computeScore(sample, { ...perfect, 'extra-mile': 'yes' });
    expect(capped.score).toBe(100);
    expect(capped.sections[1]!.score).toBe(100);
  });

  it('nothing answered gives null, not 0', () => {
    const r = computeScore(sample, {});
    expect(r.score).toBeNull();
    expect(r.dimensions.compliance.score).toBeNull();
    expect(r.counts.unanswered).toBe(8);
  });

  it('returns per-item results: fraction, earned and possible points, N.A., critical failure', () => {
    const r = computeScore(sample, { ...perfect, greeting: 'no', tone: 3, need: 'partly', 'next-step': 'na', 'id-check': 'no' });
    const [opening, resolution] = r.sections;
    expect(opening!.items).toEqual([
      { id: 'greeting', value: 'no', fraction: 0, earned: 0, possible: 2, na: false, bonus: false, criticalFail: false },
      { id: 'tone', value: 3, fraction: 0.5, earned: 2, possible: 4, na: false, bonus: false, criticalFail: false },
      { id: 'id-check', value: 'no', fraction: 0, earned: 0, possible: 1, na: false, bonus: false, criticalFail: true }
    ]);
    expect(resolution!.items).toEqual([
      { id: 'need', value: 'partly', fraction: 0.5, earned: 2, possible: 4, na: false, bonus: false, criticalFail: false },
      { id: 'next-step', value: 'na', fraction: null, earned: 0, possible: 0, na: true, bonus: false, criticalFail: false },
      { id: 'extra-mile', value: null, fraction: null, earned: 0, possible: 0, na: false, bonus: true, criticalFail: false }
    ]);
  });

  it('a choice whose chosen option is worth 0 earns 0 of its weight (never NaN)', () => {
    const r = computeScore(sample, { ...perfect, need: 'not' });
    expect(r.sections[1]!.items[0]).toMatchObject({ id: 'need', fraction: 0, earned: 0, possible: 4 });
  });

  it('accepts answers as a list', () => {
    const list = Object.entries(perfect).map(([itemId, value]) => ({ itemId, value }));
    expect(computeScore(sample, list)).toEqual(computeScore(sample, perfect));
  });
});

describe('validateAnswers', () => {
  const fails = (answers: Record<string, unknown>, re: RegExp, requireComplete = false) => {
    try {
      validateAnswers(sample, answers as never, { requireComplete });
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).message).toMatch(re);
      return;
    }
    throw new Error('expected a validation error');
  };
  it('accepts a complete valid set, and a partial one as a draft', () => {
    expect(() => validateAnswers(sample, perfect, { requireComplete: true })).not.toThrow();
    expect(() => validateAnswers(sample, { greeting: 'yes' })).not.toThrow();
  });
  it('names an unknown item', () => fails({ ...perfect, ghost: 'yes' }, /item "ghost" is not on this scorecard/));
  it('names an answer outside its type', () => {
    fails({ greeting: 3 }, /item "greeting": 3 is not a valid answer; expected "yes" or "no"/);
    fails({ tone: 6 }, /item "tone": 6 .*from 1 to 5/);
    fails({ tone: 2.5 }, /item "tone"/);
    fails({ need: 'maybe' }, /item "need": "maybe" .*"fully", "partly", "not"/);
  });
  it('names N.A. where it is not allowed', () => fails({ greeting: 'na' }, /item "greeting" does not allow N.A./));
  it('names missing required items on submit only', () => {
    const { promise: _p, ...rest } = perfect;
    fails(rest, /item "promise" is required/, true);
    expect(() => validateAnswers(sample, rest)).not.toThrow();
  });
  it('does not require optional items', () => {
    expect(() => validateAnswers(sample, perfect, { requireComplete: true })).not.toThrow();
  });
  it('names duplicate answers in a list', () =>
    fails(
      [
        { itemId: 'greeting', value: 'yes' },
        { itemId: 'greeting', value: 'no' }
      ] as never,
      /item "greeting" is answered twice/
    ));
});

describe('parseDefinition', () => {
  const bad = (mutate: (d: any) => void, re: RegExp) => {
    const d = structuredClone(sample) as any;
    mutate(d);
    expect(() => parseDefinition(d)).toThrow(re);
  };
  it('accepts the sample', () => expect(parseDefinition(structuredClone(sample))).toEqual(sample));
  it('names the item for a bad weight', () => bad((d) => (d.sections[1].items[0].weight = -1), /item "need": weight must be 0 or more/));
  it('names the item for an inverted scale', () =>
    bad((d) => (d.sections[0].items[1].answer.max = 1), /item "tone": scale max \(1\) must be greater than min \(1\)/));
  it('names duplicate item ids', () =>
    bad((d) => (d.sections[2].items[1].id = 'greeting'), /item "greeting": id is already used in section "opening"/));
  it('names a bad dimension', () => bad((d) => (d.sections[0].items[0].dimension = 'nice'), /item "greeting": dimension/));
  it('names a bonus critical item', () =>
    bad(
      (d) => (d.sections[1].items[2].critical = { class: 'business', failScope: 'section' }),
      /item "extra-mile": a bonus item cannot be critical/
    ));
  it('names a choice without points', () =>
    bad((d) => d.sections[1].items[0].answer.options.forEach((o: any) => (o.points = 0)), /item "need": at least one option/));
  it('names an item without id by position', () => bad((d) => delete d.sections[0].items[0].id, /item #1 of section "opening"/));
});
