import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
import { scorecardListRoutes } from './scorecards.ts';
import { scorePreviewRoute } from './score-preview.ts';
import { scorecardVersionRoute } from './versions.ts';
import { scorecardDraftRoutes } from './draft.ts';

/** Scorecards: list, create, read (and read a version), edit the draft and publish it; score preview. Chained, so the RPC type of every operation survives. */
export function scorecardRoutes(deps: AppDeps) {
  return newRouter()
    .route('/', scorecardListRoutes(deps))
    .route('/', scorePreviewRoute())
    .route('/', scorecardVersionRoute(deps))
    .route('/', scorecardDraftRoutes(deps));
}
