import { m } from '$lib/paraglide/messages';
import type { SurveyMetricId } from '@attentive/shared/survey-results';
import type { SurveyAttribution, SurveyQuestionKind } from '@attentive/shared/surveys';

/** The name and formula of each metric, the name of each question kind and attribution: one place for the screens. */
export const METRIC_LABEL: Record<SurveyMetricId, () => string> = {
  csat_mean: m.surveys_results_metric_csat_mean,
  csat_top2: m.surveys_results_metric_csat_top2,
  fcr_solved: m.surveys_results_metric_fcr_solved,
  fcr_recontact: m.surveys_results_metric_fcr_recontact,
  ces_mean: m.surveys_results_metric_ces_mean,
  ces_easy: m.surveys_results_metric_ces_easy,
  nps: m.surveys_results_metric_nps,
  promise_kept: m.surveys_results_metric_promise_kept
};

/** By the API's formulaKey (surveys_results_formula_<id>), so the screen shows what the API computed. */
export const FORMULA: Record<string, () => string> = {
  surveys_results_formula_csat_mean: m.surveys_results_formula_csat_mean,
  surveys_results_formula_csat_top2: m.surveys_results_formula_csat_top2,
  surveys_results_formula_fcr_solved: m.surveys_results_formula_fcr_solved,
  surveys_results_formula_fcr_recontact: m.surveys_results_formula_fcr_recontact,
  surveys_results_formula_ces_mean: m.surveys_results_formula_ces_mean,
  surveys_results_formula_ces_easy: m.surveys_results_formula_ces_easy,
  surveys_results_formula_nps: m.surveys_results_formula_nps,
  surveys_results_formula_promise_kept: m.surveys_results_formula_promise_kept
};

export const KIND_LABEL: Record<SurveyQuestionKind, () => string> = {
  csat: m.surveys_results_kind_csat,
  fcr_solved: m.surveys_results_kind_fcr_solved,
  fcr_recontact: m.surveys_results_kind_fcr_recontact,
  ces: m.surveys_results_kind_ces,
  nps: m.surveys_results_kind_nps,
  promise_kept: m.surveys_results_kind_promise_kept,
  comment: m.surveys_results_kind_comment
};

export const ATTRIBUTION_LABEL: Record<SurveyAttribution, () => string> = {
  agent: m.surveys_results_attribution_agent,
  process: m.surveys_results_attribution_process
};

export const STATUS_LABEL: Record<string, () => string> = {
  completed: m.surveys_results_status_completed,
  declined: m.surveys_results_status_declined,
  unreachable: m.surveys_results_status_unreachable,
  wrong_number: m.surveys_results_status_wrong_number,
  expired: m.surveys_results_status_expired,
  open: m.surveys_results_status_open
};
