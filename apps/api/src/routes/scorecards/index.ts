import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { scorecardListRoutes } from './scorecards.ts';
import { scorePreviewRoute } from './score-preview.ts';
import { scorecardVersionRoute } from './versions.ts';
import { scorecardDraftRoutes } from './draft.ts';

/** Scorecards: list, create, read (and read a version), edit the draft and publish it; score preview. Mounted together (mountAll), so the RPC type of every operation survives. */
export function scorecardRoutes(deps: AppDeps) {
  return mountAll(deps, scorecardListRoutes, scorePreviewRoute, scorecardVersionRoute, scorecardDraftRoutes);
}
