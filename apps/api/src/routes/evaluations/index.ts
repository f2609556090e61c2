import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { evaluationContextRoute } from './context.ts';
import { startEvaluationRoute } from './start.ts';
import { listEvaluationsRoute } from './list.ts';
import { evaluationAggregatesRoute } from './aggregates.ts';
import { getEvaluationRoute } from './get.ts';
import { evaluationDraftRoutes } from './draft.ts';
import { reviseEvaluationRoutes } from './revise.ts';
import { addCommentRoute } from './comment.ts';

/** Evaluations: start, autosave, submit and revise a scored evaluation; comments; aggregates. Mounted together (mountAll), so the RPC type of every operation survives. */
export function evaluationRoutes(deps: AppDeps) {
  return mountAll(
    deps,
    evaluationContextRoute,
    startEvaluationRoute,
    listEvaluationsRoute,
    evaluationAggregatesRoute,
    getEvaluationRoute,
    evaluationDraftRoutes,
    reviseEvaluationRoutes,
    addCommentRoute
  );
}
