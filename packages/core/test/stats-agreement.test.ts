import { describe, expect, it } from 'vitest';
import {
  agreementBand,
  ALPHA_RELIABLE,
  ALPHA_TENTATIVE,
  alphaBootstrapInterval,
  deviationFromConsensus,
  fleissCountsOf,
  fleissKappa,
  kappaBand,
  KAPPA_BAND_LIMITS,
  krippendorffAlpha,
  levelOfItem,
  percentAgreement,
  ranksOf
} from '../src/stats/index.ts';

const _ = null;
const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

/**
 * Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication,
 * University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 — section C, "Nominal data, any number
 * of observers, missing data": 4 observers (rows A–D) × 12 units, values 1–5. The paper reports α = 0.743 (nominal),
 * 0.815 (ordinal), 0.849 (interval), 0.797 (ratio). The full-precision figures below are those other independent
 * implementations reproduce for the same matrix (NLTK's AnnotationTask test 0.743421052632 = 113/152 rounded;
 * fast-krippendorff's tests round(…, 3) = 0.815 / 0.797), i.e. the paper's values to 3 decimals.
 */
const KRIPPENDORFF_2011_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
];

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders × 15 units, missing data),
 * nominal α = 0.691 (reported); fast-krippendorff's tests check nominal 0.691358 and interval 0.810845.
 */
const WIKIPEDIA_3x15 = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4]
];

/**
 * Wikipedia, "Fleiss' kappa", "Worked example": 10 subjects, 14 raters, 5 categories; P̄ = 0.378, P̄e = 0.213,
 * κ = 0.210 (also G. Cardillo's MATLAB fleiss.m: "Fleiss'es (overall) kappa = 0.2099").
 */
const FLEISS_WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7]
];

/**
 * Fleiss, J. L. (1971). "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
 * 378–382, Table 1: 30 patients, 6 psychiatrists each (not the same six), 5 diagnoses (depression, personality
 * disorder, schizophrenia, neurosis, other); κ = .430. Transcribed as in JonasMoss/quadagree data_raw/fleiss1971.csv
 * (empty = 0), the same data as R irr's `diagnoses`.
 */
const FLEISS_1971 = [
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1],
  [3, 0, 0, 1, 2],
  [5, 1, 0, 0, 0],
  [0, 2, 0, 4, 0],
  [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6],
  [0, 1, 0, 5, 0],
  [0, 2, 0, 1, 3],
  [2, 0, 0, 4, 0],
  [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0],
  [4, 0, 0, 0, 2],
  [0, 2, 0, 4, 0],
  [1, 0, 5, 0, 0],
  [0, 0, 0, 0, 6]
];

/** Spreads Fleiss counts over n pseudo-raters (alpha does not use who rated what, only what each unit got). */
function dataFromCounts(counts: number[][]): number[][] {
  const n = counts[0]!.reduce((s, x) => s + x, 0);
  const rows: number[][] = Array.from({ length: n }, () => []);
  counts.forEach((row) => {
    let r = 0;
    row.forEach((x, k) => {
      for (let i = 0; i < x; i++) rows[r++]!.push(k + 1);
    });
  });
  return rows;
}

describe('Krippendorff’s alpha against published worked examples', () => {
  it('Krippendorff (2011) section C, 4 observers × 12 units with missing data, at all four levels', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'nominal')).toBeCloseTo(0.743421052631579, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'ordinal')).toBeCloseTo(0.8153875037548814, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'interval')).toBeCloseTo(0.8491071428571428, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'ratio')).toBeCloseTo(0.7974027747116121, 12);
    // The paper's 3-decimal figures.
    const rounded = LEVELS.map((l) => Number(krippendorffAlpha(KRIPPENDORFF_2011_C, l)!.toFixed(3)));
    expect(rounded).toEqual([0.743, 0.815, 0.849, 0.797]);
  });

  it('unit 12 (one value only) is not pairable: moving or dropping its lone value changes nothing', () => {
    // R irr's kripp.alpha example transcribes unit 12's lone 3 under observer C instead of B.
    const irr = KRIPPENDORFF_2011_C.map((row) => row.slice());
    irr[1]![11] = null;
    irr[2]![11] = 3;
    const dropped = KRIPPENDORFF_2011_C.map((row) => row.slice(0, 11));
    for (const level of LEVELS) {
      expect(krippendorffAlpha(irr, level)).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011_C, level)!, 12);
      expect(krippendorffAlpha(dropped, level)).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011_C, level)!, 12);
    }
  });

  it('ordinal on strings in a natural order (ranksOf) matches ordinal on the numbers', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high'];
    const asStrings = KRIPPENDORFF_2011_C.map((row) => row.map((v) => (v === null ? null : names[v - 1]!)));
    expect(krippendorffAlpha(ranksOf(asStrings, names), 'ordinal')).toBeCloseTo(0.8153875037548814, 12);
    // Nominal does not care about order or spelling.
    expect(krippendorffAlpha(asStrings, 'nominal')).toBeCloseTo(0.743421052631579, 12);
  });

  it('binary data, 2 observers × 10 units, no missing data: α = 0.095 (Krippendorff 2004 §11.3.1 and 2011)', () => {
    // Krippendorff (2004) Content Analysis, 2nd ed., §11.3.1 p. 224 (observers Jon and Han): 4 of 10 units disagree,
    // 14 zeros and 6 ones among the 20 values: α = 1 − (n − 1)·o₀₁/(n₀·n₁) = 1 − 19·4/(14·6) = 0.0952.
    const binary = [
      [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    ];
    expect(krippendorffAlpha(binary, 'nominal')).toBeCloseTo(1 - 76 / 84, 12);
    expect(krippendorffAlpha(binary, 'nominal')!.toFixed(3)).toBe('0.095');
    // With two values every metric is a multiple of the nominal one: interval gives the same alpha.
    expect(krippendorffAlpha(binary, 'interval')).toBeCloseTo(1 - 76 / 84, 12);
    expect(percentAgreement(binary)).toBeCloseTo(0.6, 12);
  });

  it('Wikipedia’s computational example, 3 coders × 15 units with missing data', () => {
    expect(krippendorffAlpha(WIKIPEDIA_3x15, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA_3x15, 'interval')).toBeCloseTo(0.810845, 6);
  });
});

describe('Fleiss’ kappa against published worked examples', () => {
  it('Wikipedia: 10 subjects, 14 raters, 5 categories → κ ≈ 0.210', () => {
    const k = fleissKappa(FLEISS_WIKIPEDIA)!;
    expect(k.toFixed(3)).toBe('0.210');
    expect(k).toBeCloseTo(0.2099, 4);
  });

  it('Fleiss (1971) Table 1: 30 patients, 6 raters, 5 diagnoses → κ = .430', () => {
    expect(FLEISS_1971.every((row) => row.reduce((s, x) => s + x, 0) === 6)).toBe(true);
    expect(fleissKappa(FLEISS_1971)!.toFixed(3)).toBe('0.430');
  });

  it('complete data: α(nominal) = 1 − (1 − κ)·(nN − 1)/(nN), so alpha approaches kappa as units grow', () => {
    // From the definitions: D_o = 1 − P̄ and D_e = nN/(nN − 1)·(1 − P̄e) for n raters on each of N units.
    for (const counts of [FLEISS_WIKIPEDIA, FLEISS_1971]) {
      const n = counts[0]!.reduce((s, x) => s + x, 0);
      const total = n * counts.length;
      const kappa = fleissKappa(counts)!;
      expect(krippendorffAlpha(dataFromCounts(counts), 'nominal')).toBeCloseTo(1 - ((1 - kappa) * (total - 1)) / total, 12);
    }
    expect(fleissKappa(fleissCountsOf(dataFromCounts(FLEISS_1971))!)).toBeCloseTo(fleissKappa(FLEISS_1971)!, 12);
  });
});

describe('not computable → null, never NaN or a crash', () => {
  it('alpha: empty data, all missing, one rater, no unit with two values, one value throughout', () => {
    const cases: (number | string | null)[][][] = [
      [],
      [[]],
      [[], []],
      [
        [_, _],
        [_, _]
      ],
      [[1, 2, 3, 4]],
      [
        [1, _, 3],
        [_, 2, _]
      ],
      [
        [2, 2, 2],
        [2, 2, _]
      ],
      [
        ['yes', 'yes'],
        ['yes', 'yes'],
        [_, 'yes']
      ]
    ];
    for (const data of cases)
      for (const level of LEVELS) {
        if (typeof data[0]?.[0] === 'string' && (level === 'interval' || level === 'ratio')) continue;
        expect(krippendorffAlpha(data, level), `${JSON.stringify(data)} at ${level}`).toBeNull();
      }
  });

  it('ratio with only zeros (and zero with zero) is one value: null; zeros alongside other values are fine', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 0],
          [0, 0]
        ],
        'ratio'
      )
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2]
        ],
        'ratio'
      )
    ).toBe(1);
  });

  it('percent agreement: null without a pairable unit; a unit’s share of agreeing pairs otherwise', () => {
    expect(percentAgreement([])).toBeNull();
    expect(percentAgreement([[1, 2, 3]])).toBeNull();
    expect(
      percentAgreement([
        [1, _],
        [_, 2]
      ])
    ).toBeNull();
    // Unit 0: values 1, 1, 2 → 1 agreeing pair of 3; unit 1: 'x' twice → 1 of 1; unit 2: one value, dropped.
    expect(
      percentAgreement([
        [1, 5, 7],
        [1, 5, _],
        [2, _, _]
      ])
    ).toBeCloseTo((1 / 3 + 1) / 2, 12);
    // One category everywhere: raw agreement is 1 even though alpha is not computable.
    expect(
      percentAgreement([
        ['yes', 'yes'],
        ['yes', 'yes']
      ])
    ).toBe(1);
  });

  it('kappa: no units, fewer than 2 raters, one category only', () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([[], []])).toBeNull();
    expect(
      fleissKappa([
        [1, 0],
        [0, 1]
      ])
    ).toBeNull();
    expect(
      fleissKappa([
        [0, 0],
        [0, 0]
      ])
    ).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [3, 0]
      ])
    ).toBeNull();
    expect(fleissKappa([[3], [3]])).toBeNull();
  });

  it('fleissCountsOf: null when a unit lacks a rater’s value or there is nothing; counts in value order otherwise', () => {
    expect(fleissCountsOf([])).toBeNull();
    expect(fleissCountsOf([[]])).toBeNull();
    expect(
      fleissCountsOf([
        [1, 2],
        [1, _]
      ])
    ).toBeNull();
    expect(
      fleissCountsOf([
        ['no', 'yes', 'yes'],
        ['yes', 'yes', 'no'],
        ['yes', 'yes', 'no']
      ])
    ).toEqual([
      [1, 2],
      [0, 3],
      [2, 1]
    ]);
    expect(
      fleissCountsOf([
        [10, 2],
        [2, 2]
      ])
    ).toEqual([
      [1, 1],
      [2, 0]
    ]);
  });
});

describe('input errors throw RangeError saying what and where', () => {
  it('alpha', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(/ragged data: row 1 has 1 units, row 0 has 2/);
    expect(() => krippendorffAlpha([[1, NaN]], 'nominal')).toThrow(/data\[0\]\[1\] \(rater 0, unit 1\) is NaN/);
    expect(() => krippendorffAlpha([[1, Infinity]], 'interval')).toThrow(RangeError);
    expect(() => krippendorffAlpha([['1', '2']], 'interval')).toThrow(/data\[0\]\[0\].*string "1"; the interval level needs numbers/);
    expect(() => krippendorffAlpha([['1'], ['2']], 'ratio')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, -2]], 'ratio')).toThrow(/data\[0\]\[1\].*-2; the ratio level needs values ≥ 0/);
    expect(() => krippendorffAlpha([[1, 'a']], 'nominal')).toThrow(/do not mix numbers and strings/);
    expect(() => krippendorffAlpha([[true as unknown as number]], 'nominal')).toThrow(/is a boolean/);
    expect(() => krippendorffAlpha([[1]], 'circular' as 'nominal')).toThrow(/level must be one of/);
    // A negative value is fine below the ratio level.
    expect(
      krippendorffAlpha(
        [
          [-1, 2],
          [-1, 2]
        ],
        'interval'
      )
    ).toBe(1);
  });

  it('kappa', () => {
    expect(() => fleissKappa([[1, 1], [2]])).toThrow(/unit 1 has 1 categories, unit 0 has 2/);
    expect(() =>
      fleissKappa([
        [1, 1],
        [1, 2]
      ])
    ).toThrow(/unit 1 has 3 ratings, unit 0 has 2/);
    expect(() =>
      fleissKappa([
        [1, 1],
        [3, -1]
      ])
    ).toThrow(/counts\[1\]\[1\] is -1/);
    expect(() =>
      fleissKappa([
        [1, 1],
        [1.5, 0.5]
      ])
    ).toThrow(/counts\[1\]\[0\] is 1.5/);
    expect(() => fleissKappa([[1, NaN]])).toThrow(RangeError);
  });

  it('deviation and ranks', () => {
    expect(() => deviationFromConsensus([1, 2], [1])).toThrow(/2 values but 1 consensus/);
    expect(() => deviationFromConsensus([1, NaN], [1, 2])).toThrow(/values\[1\] is NaN/);
    expect(() => ranksOf([['a', 'z']], ['a', 'b'])).toThrow(/data\[0\]\[1\] is "z"/);
  });
});

describe('bands, levels, deviation', () => {
  it('Krippendorff’s bands: ≥ .800 reliable, ≥ .667 tentative, below unreliable', () => {
    expect([ALPHA_RELIABLE, ALPHA_TENTATIVE]).toEqual([0.8, 0.667]);
    expect(agreementBand(1)).toBe('reliable');
    expect(agreementBand(0.8)).toBe('reliable');
    expect(agreementBand(0.7999999999999999)).toBe('reliable');
    expect(agreementBand(0.7999)).toBe('tentative');
    expect(agreementBand(0.667)).toBe('tentative');
    expect(agreementBand(0.6669)).toBe('unreliable');
    expect(agreementBand(-0.5)).toBe('unreliable');
    expect(agreementBand(null)).toBeNull();
    expect(agreementBand(NaN)).toBeNull();
    expect(agreementBand(krippendorffAlpha(KRIPPENDORFF_2011_C, 'nominal'))).toBe('tentative');
    expect(agreementBand(krippendorffAlpha(KRIPPENDORFF_2011_C, 'interval'))).toBe('reliable');
  });

  it('Landis & Koch bands for kappa', () => {
    expect(KAPPA_BAND_LIMITS).toEqual({ poor: 0, slight: 0.2, fair: 0.4, moderate: 0.6, substantial: 0.8 });
    const cases: [number, string][] = [
      [-0.1, 'poor'],
      [0, 'slight'],
      [0.2, 'slight'],
      [0.21, 'fair'],
      [0.4, 'fair'],
      [0.5, 'moderate'],
      [0.6, 'moderate'],
      [0.8, 'substantial'],
      [0.81, 'almostPerfect'],
      [1, 'almostPerfect']
    ];
    for (const [k, band] of cases) expect(kappaBand(k), String(k)).toBe(band);
    expect(kappaBand(null)).toBeNull();
    expect(kappaBand(fleissKappa(FLEISS_WIKIPEDIA))).toBe('fair');
    expect(kappaBand(fleissKappa(FLEISS_1971))).toBe('moderate');
  });

  it('level of measurement per item type', () => {
    expect(levelOfItem('yes_no')).toBe('nominal');
    expect(levelOfItem('choice')).toBe('nominal');
    expect(levelOfItem('scale')).toBe('ordinal');
    expect(levelOfItem('overall')).toBe('interval');
    expect(() => levelOfItem('stars' as 'scale')).toThrow(RangeError);
  });

  it('deviation from consensus: signed mean over units where both are present', () => {
    expect(deviationFromConsensus([80, null, 70, 90], [70, 60, 75, null])).toEqual({ n: 2, mean: 2.5, meanAbs: 7.5 });
    expect(deviationFromConsensus([null, 1], [1, null])).toBeNull();
    expect(deviationFromConsensus([], [])).toBeNull();
  });
});

describe('bootstrap interval for alpha (unit bootstrap)', () => {
  it('is reproducible from its seed, brackets the estimate, and reports the draws that counted', () => {
    const a = alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'interval', { draws: 2000, seed: 42 })!;
    expect(a).toEqual(alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'interval', { draws: 2000, seed: 42 }));
    expect(a.low).toBeLessThanOrEqual(a.high);
    expect(a.high).toBeLessThanOrEqual(1);
    expect(a.low).toBeLessThan(krippendorffAlpha(KRIPPENDORFF_2011_C, 'interval')!);
    expect(a.draws).toBeGreaterThan(1000);
    expect(a.draws).toBeLessThanOrEqual(2000);
    const b = alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'interval', { draws: 2000, seed: 43 })!;
    expect(b).not.toEqual(a);
    // A narrower confidence gives a nested interval on the same draws.
    const c = alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'interval', { draws: 2000, seed: 42, confidence: 0.5 })!;
    expect(c.low).toBeGreaterThanOrEqual(a.low);
    expect(c.high).toBeLessThanOrEqual(a.high);
  });

  it('defaults: 1000 draws, 95%, seed 1', () => {
    const d = alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal')!;
    expect(d).toEqual(alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { draws: 1000, confidence: 0.95, seed: 1 }));
    expect(d.draws).toBeLessThanOrEqual(1000);
  });

  it('null when alpha is not computable or too few draws are', () => {
    expect(alphaBootstrapInterval([], 'nominal')).toBeNull();
    expect(alphaBootstrapInterval([[1, 2, 3]], 'nominal')).toBeNull();
    // One pairable unit: nothing to resample.
    expect(
      alphaBootstrapInterval(
        [
          [1, 2],
          [2, _]
        ],
        'nominal'
      )
    ).toBeNull();
    // A single draw can never make an interval.
    expect(alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { draws: 1 })).toBeNull();
    // Two units, each one value: half the draws repeat one unit (a single value, not computable). Whatever the
    // seed, the answer is null or counts at least half of the draws.
    const twoUnits = [
      [1, 2],
      [1, 2]
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const r = alphaBootstrapInterval(twoUnits, 'nominal', { draws: 50, seed });
      if (r !== null) expect(r.draws).toBeGreaterThanOrEqual(25);
    }
  });

  it('rejects bad options', () => {
    expect(() => alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { draws: 0 })).toThrow(RangeError);
    expect(() => alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { draws: 1.5 })).toThrow(RangeError);
    expect(() => alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { confidence: 1 })).toThrow(RangeError);
    expect(() => alphaBootstrapInterval(KRIPPENDORFF_2011_C, 'nominal', { seed: NaN })).toThrow(RangeError);
  });
});
