import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
import { evaluationContextRoute } from './context.ts';
import { startEvaluationRoute } from './start.ts';
import { listEvaluationsRoute } from './list.ts';
import { evaluationAggregatesRoute } from './aggregates.ts';
import { getEvaluationRoute } from './get.ts';
import { evaluationDraftRoutes } from './draft.ts';
import { reviseEvaluationRoutes } from './revise.ts';
import { addCommentRoute } from './comment.ts';

/** Evaluations: start, autosave, submit and revise a scored evaluation; comments; aggregates. Chained, so the RPC type of every operation survives. */
export function evaluationRoutes(deps: AppDeps) {
  return newRouter()
    .route('/', evaluationContextRoute(deps))
    .route('/', startEvaluationRoute(deps))
    .route('/', listEvaluationsRoute(deps))
    .route('/', evaluationAggregatesRoute(deps))
    .route('/', getEvaluationRoute(deps))
    .route('/', evaluationDraftRoutes(deps))
    .route('/', reviseEvaluationRoutes(deps))
    .route('/', addCommentRoute(deps));
}
