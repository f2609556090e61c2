import type { AnswerType } from '@attentive/shared/scorecard';
import type { MeasurementLevel } from './agreement-data.ts';

/**
 * Interpretation bands shown next to each agreement figure, and the level of measurement per item type. The
 * band names are string unions; the screens translate them and print the thresholds from these constants.
 */

/**
 * Krippendorff's thresholds for alpha (Krippendorff 2004, Content Analysis, 2nd ed., ch. 11, standards for data
 * reliability; repeated in Krippendorff 2011): rely on variables with α ≥ .800; consider variables with .667 ≤ α < .800 only for drawing
 * tentative conclusions; below .667 do not rely on the item (flag it for rewording).
 */
export const ALPHA_RELIABLE = 0.8;
export const ALPHA_TENTATIVE = 0.667;
export const AGREEMENT_BANDS = ['reliable', 'tentative', 'unreliable'] as const;
export type AgreementBand = (typeof AGREEMENT_BANDS)[number];

/**
 * Landis & Koch (1977), "The measurement of observer agreement for categorical data", Biometrics 33:159–174:
 * < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial, .81–1 almost perfect. Each
 * value here is the band's upper limit, inclusive (poor: below 0, exclusive); above .80 is almost perfect.
 */
export const KAPPA_BAND_LIMITS = { poor: 0, slight: 0.2, fair: 0.4, moderate: 0.6, substantial: 0.8 } as const;
export const KAPPA_BANDS = ['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'] as const;
export type KappaBand = (typeof KAPPA_BANDS)[number];

/** Floating-point slack, so a figure computed as 0.7999999999999999 still reads as the 0.800 it prints as. */
const EPS = 1e-9;

/** The band for alpha; null for null (not computable) or a non-finite number. */
export function agreementBand(alpha: number | null): AgreementBand | null {
  if (alpha === null || !Number.isFinite(alpha)) return null;
  if (alpha >= ALPHA_RELIABLE - EPS) return 'reliable';
  if (alpha >= ALPHA_TENTATIVE - EPS) return 'tentative';
  return 'unreliable';
}

/** The Landis & Koch band for kappa; null for null (not computable) or a non-finite number. */
export function kappaBand(kappa: number | null): KappaBand | null {
  if (kappa === null || !Number.isFinite(kappa)) return null;
  if (kappa < KAPPA_BAND_LIMITS.poor - EPS) return 'poor';
  if (kappa <= KAPPA_BAND_LIMITS.slight + EPS) return 'slight';
  if (kappa <= KAPPA_BAND_LIMITS.fair + EPS) return 'fair';
  if (kappa <= KAPPA_BAND_LIMITS.moderate + EPS) return 'moderate';
  if (kappa <= KAPPA_BAND_LIMITS.substantial + EPS) return 'substantial';
  return 'almostPerfect';
}

/** What an agreement figure is about: a scorecard item's answer type, or the overall score % of an evaluation. */
export type AgreementSubject = AnswerType['type'] | 'overall';

/**
 * The level of measurement for alpha per item type (scorecard answer types: packages/shared/src/scorecard.ts):
 * - yes_no → nominal: two unordered categories (N.A. is missing, not a third category).
 * - choice → nominal: option keys are categories; their points weight the score but raters choose a category, and
 *   disagreeing between "partly" and "no" is still a disagreement about which option fits.
 * - scale → ordinal: a whole-number rating scale (e.g. 1–5) is ordered, but nothing says 1→2 is the same step as
 *   4→5 for the evaluators; the ordinal metric uses only the order and how often each point is used, which is what
 *   Krippendorff recommends for rating scales. (Scoring maps scale points linearly, docs/scoring.md, so interval is
 *   defensible for "how far apart are the scores"; ordinal asks whether they place the call at the same
 *   point of the scale without assuming its steps are equal, the more cautious reading for a rubric.)
 * - overall → interval: the overall score % is a number where differences mean the same everywhere (10 points is
 *   10 points), with no natural zero to make it ratio.
 */
export function levelOfItem(type: AgreementSubject): MeasurementLevel {
  switch (type) {
    case 'yes_no':
    case 'choice':
      return 'nominal';
    case 'scale':
      return 'ordinal';
    case 'overall':
      return 'interval';
    default:
      throw new RangeError(`levelOfItem: unknown item type ${String(type)}`);
  }
}
