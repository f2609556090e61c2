import type { SurveyMetric, SurveyMetricId } from '@attentive/shared/survey-results';
import { MeanAccumulator, wilsonInterval, type Estimate } from '../../stats/intervals.ts';
import { npsInterval } from '../../stats/nps.ts';

/** The standard answers of one response (the typed columns of survey_responses); null = not asked or not answered. */
export type ResponseScores = {
  csat: number | null;
  fcrSolved: boolean | null;
  fcrRecontact: boolean | null;
  ces: number | null;
  nps: number | null;
  promiseKept: boolean | null;
};

/** Top-2-box of CSAT (1–5): 4 or 5. Easy on CES (1–7, 7 = very easy): 5–7. NPS: promoters 9–10, detractors 0–6. */
export const CSAT_TOP2_FROM = 4;
export const CES_EASY_FROM = 5;
export const NPS_PROMOTER_FROM = 9;
export const NPS_DETRACTOR_UPTO = 6;

const metric = (id: SurveyMetricId, kind: SurveyMetric['kind'], value: Estimate): SurveyMetric => ({
  id,
  kind,
  formulaKey: `surveys_results_formula_${id}`,
  value
});

/** A share of yes over the answered: Wilson interval; n counts only the answers given. */
function share(values: readonly (boolean | null)[]): Estimate {
  let yes = 0;
  let n = 0;
  for (const v of values)
    if (v != null) {
      n++;
      if (v) yes++;
    }
  return wilsonInterval(yes, n);
}

function mean(values: readonly (number | null)[], bounds: [number, number]): Estimate {
  const acc = new MeanAccumulator();
  for (const v of values) if (v != null) acc.add(v);
  return acc.interval({ bounds });
}

function nps(values: readonly (number | null)[]): Estimate {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (const v of values)
    if (v != null) {
      n++;
      if (v >= NPS_PROMOTER_FROM) promoters++;
      else if (v <= NPS_DETRACTOR_UPTO) detractors++;
    }
  return npsInterval(promoters, detractors, n);
}

/**
 * The survey metrics of a set of responses, each over the responses that answered its question (a question not
 * asked or skipped is not a 0): CSAT mean (1–5) and top-2-box share (4–5), FCR (solved in that call), had to
 * contact again, CES mean (1–7) and share easy (5–7), NPS (% promoters 9–10 − % detractors 0–6), promise kept.
 * Means: t interval clamped to the scale; shares: Wilson; NPS: adjusted Wald (stats/nps.ts). Pure.
 */
export function surveyMetrics(rows: readonly ResponseScores[]): SurveyMetric[] {
  const csat = rows.map((r) => r.csat);
  const ces = rows.map((r) => r.ces);
  return [
    metric('csat_mean', 'mean', mean(csat, [1, 5])),
    metric('csat_top2', 'proportion', share(csat.map((v) => (v == null ? null : v >= CSAT_TOP2_FROM)))),
    metric('fcr_solved', 'proportion', share(rows.map((r) => r.fcrSolved))),
    metric('fcr_recontact', 'proportion', share(rows.map((r) => r.fcrRecontact))),
    metric('ces_mean', 'mean', mean(ces, [1, 7])),
    metric('ces_easy', 'proportion', share(ces.map((v) => (v == null ? null : v >= CES_EASY_FROM)))),
    metric('nps', 'nps', nps(rows.map((r) => r.nps))),
    metric('promise_kept', 'proportion', share(rows.map((r) => r.promiseKept)))
  ];
}

/** CSAT mean, top-2-box and FCR of one agent's responses (the QA-next-to-customers view). */
export function agentCustomerFigures(rows: readonly ResponseScores[]) {
  const csat = rows.map((r) => r.csat);
  return {
    responses: rows.length,
    csat: mean(csat, [1, 5]),
    csatTop2: share(csat.map((v) => (v == null ? null : v >= CSAT_TOP2_FROM))),
    fcr: share(rows.map((r) => r.fcrSolved))
  };
}
