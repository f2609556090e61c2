import type { AgreementReason } from '@attentive/shared/calibration-results';
import type { AnswerValue, ScorecardItem } from '@attentive/shared/scorecard';
import { answerLabel } from '$lib/components/evaluation/types';
import { m } from '$lib/paraglide/messages';

/**
 * The words next to each calibration figure (docs/calibration-results.md): a band is always said in words, never
 * by colour alone; "not computable" always with its reason.
 */
export const BAND_WORDS = {
  reliable: m.calibration_results_band_reliable,
  tentative: m.calibration_results_band_tentative,
  unreliable: m.calibration_results_band_unreliable
} as const;

export const KAPPA_WORDS = {
  poor: m.calibration_results_kappa_poor,
  slight: m.calibration_results_kappa_slight,
  fair: m.calibration_results_kappa_fair,
  moderate: m.calibration_results_kappa_moderate,
  substantial: m.calibration_results_kappa_substantial,
  almostPerfect: m.calibration_results_kappa_almost_perfect
} as const;

export const REASON_WORDS: Record<AgreementReason, () => string> = {
  no_answers: m.calibration_results_reason_no_answers,
  too_few_answers: m.calibration_results_reason_too_few_answers,
  one_value: m.calibration_results_reason_one_value,
  not_same_raters: m.calibration_results_reason_not_same_raters,
  too_few_calls: m.calibration_results_reason_too_few_calls
};

export const DRIFT_WORDS = {
  up: m.calibration_evaluators_drift_up,
  down: m.calibration_evaluators_drift_down,
  steady: m.calibration_evaluators_drift_steady
} as const;

/** An answer in the page language: yes / no / N.A. / the number / the choice's label. */
export const answerText = (item: { answer: ScorecardItem['answer'] }, v: AnswerValue | null | undefined) =>
  answerLabel(item as ScorecardItem, v);
