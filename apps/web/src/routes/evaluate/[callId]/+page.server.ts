import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import type { ScreenData } from '$lib/components/evaluation/types';
import { screenFromDetail } from '$lib/server/evaluations';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';

/**
 * The evaluation screen for a call: the user's own draft or latest submitted evaluation of it, or a fresh
 * scorecard (the draft is created on the first answer, never by opening the page).
 */
export const load: PageServerLoad = async (event) => {
  const callId = Number(event.params.callId);
  if (!Number.isInteger(callId) || callId < 1) error(404, m.evaluate_not_found());
  const ctx = await read(event, api(event).api.calls[':id']['evaluation-context'].$get({ param: { id: String(callId) } }));
  // A call counts once (docs/scoring.md): an evaluator opening a call someone already scored gets that evaluation to revise.
  const mine =
    ctx.myDraftId ??
    ctx.evaluations.find((e) => e.mine && e.status === 'submitted' && e.kind === 'sampled')?.id ??
    (ctx.canEvaluate ? ctx.countingEvaluationId : null);
  const others = ctx.evaluations.filter((e) => e.id !== mine);
  if (mine != null) {
    const detail = await read(event, api(event).api.evaluations[':id'].$get({ param: { id: String(mine) } }));
    return { callId, screen: screenFromDetail(detail), others, blocked: null };
  }
  if (!ctx.canEvaluate) return { callId, screen: null, others, blocked: 'read-only' as const };
  if (!ctx.scorecard)
    return {
      callId,
      screen: null,
      others,
      blocked: 'no-scorecard' as const
    };
  const screen: ScreenData = {
    contact: ctx.contact,
    call: ctx.call,
    transcript: ctx.transcript,
    definition: ctx.scorecard.definition,
    scorecardLabel: m.evaluate_scorecard_version({ name: ctx.scorecard.name, version: ctx.scorecard.version }),
    evaluation: null,
    score: null,
    revisions: [],
    comments: [],
    canChange: true
  };
  return { callId, screen, others, blocked: null };
};
