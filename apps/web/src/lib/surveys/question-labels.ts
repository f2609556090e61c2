import { ANSWER_SCALES, type SurveyAttribution, type SurveyQuestionKind } from '@attentive/shared/surveys';
import { m } from '$lib/paraglide/messages';

/** The words for a survey question's kind, attribution and answer scale, in the page's language (called where rendered). */
export const kindLabel = (k: SurveyQuestionKind) =>
  ({
    csat: m.surveys_templates_kind_csat,
    fcr_solved: m.surveys_templates_kind_fcr_solved,
    fcr_recontact: m.surveys_templates_kind_fcr_recontact,
    ces: m.surveys_templates_kind_ces,
    nps: m.surveys_templates_kind_nps,
    promise_kept: m.surveys_templates_kind_promise_kept,
    comment: m.surveys_templates_kind_comment
  })[k]();

export const attributionLabel = (a: SurveyAttribution) =>
  a === 'agent' ? m.surveys_templates_attribution_agent() : m.surveys_templates_attribution_process();

/** "1–5", "yes / no", "free text": the answer a kind takes (shared ANSWER_SCALES). */
export function scaleLabel(k: SurveyQuestionKind): string {
  const s = ANSWER_SCALES[k];
  if (s.type === 'scale') return m.surveys_templates_scale_range({ min: s.min, max: s.max });
  return s.type === 'yes_no' ? m.surveys_templates_scale_yes_no() : m.surveys_templates_scale_text();
}
