import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import type { CallFacts, Contact, ScorecardDefinition, ScreenData, Turn } from '$lib/components/evaluation/types';
import { getJson, screenFromDetail, type EvaluationDetail } from '$lib/server/evaluations';

type Context = {
  contact: Contact;
  call: CallFacts | null;
  transcript: Turn[];
  canEvaluate: boolean;
  myDraftId: number | null;
  countingEvaluationId: number | null;
  evaluations: { id: number; status: 'draft' | 'submitted'; kind: string; evaluatorLabel: string; revision: number; overallScore: number | null; updatedAt: string; mine: boolean }[];
  scorecard: { versionId: number; version: number; name: string; definition: ScorecardDefinition } | null;
};

/**
 * The evaluation screen for a call: the user's own draft or latest submitted evaluation of it, or a fresh
 * scorecard (the draft is created on the first answer, never by opening the page).
 */
export const load: PageServerLoad = async (event) => {
  const callId = Number(event.params.callId);
  if (!Number.isInteger(callId) || callId < 1) error(404, 'No such call');
  const ctx = await getJson<Context>(event, `/api/calls/${callId}/evaluation-context`);
  // A call counts once (docs/scoring.md): an evaluator opening a call someone already scored gets that evaluation to revise.
  const mine = ctx.myDraftId ?? ctx.evaluations.find((e) => e.mine && e.status === 'submitted' && e.kind === 'sampled')?.id ?? (ctx.canEvaluate ? ctx.countingEvaluationId : null);
  const others = ctx.evaluations.filter((e) => e.id !== mine);
  if (mine != null) {
    const detail = await getJson<EvaluationDetail>(event, `/api/evaluations/${mine}`);
    return { callId, screen: screenFromDetail(detail), others, blocked: null };
  }
  if (!ctx.canEvaluate) return { callId, screen: null, others, blocked: 'You can read this call but not evaluate it.' };
  if (!ctx.scorecard) return { callId, screen: null, others, blocked: 'This program has no published scorecard yet. An admin or QA analyst publishes one under Scorecards.' };
  const screen: ScreenData = {
    contact: ctx.contact,
    call: ctx.call,
    transcript: ctx.transcript,
    definition: ctx.scorecard.definition,
    scorecardLabel: `${ctx.scorecard.name} · version ${ctx.scorecard.version}`,
    evaluation: null,
    score: null,
    revisions: [],
    comments: [],
    canChange: true
  };
  return { callId, screen, others, blocked: null };
};
