import type { EvaluationDetail } from '$lib/api/types';
import type { ScreenData } from '$lib/components/evaluation/types';

export function screenFromDetail(d: EvaluationDetail): ScreenData {
  return {
    contact: d.contact,
    call: d.call,
    transcript: d.transcript,
    definition: d.scorecard.definition,
    scorecardLabel: `version ${d.scorecard.version}`,
    evaluation: d.evaluation,
    score: d.score,
    revisions: d.revisions,
    comments: d.comments,
    canChange: d.canChange
  };
}
