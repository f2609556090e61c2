import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { samplingOptionRoutes } from './options.ts';
import { samplingPlanRoutes } from './plans.ts';
import { previewSamplingPlanRoute } from './preview-plan.ts';
import { publishSamplingPlanRoute } from './publish-plan.ts';
import { drawSampleRoute } from './draw-sample.ts';
import { sampleRunRoutes } from './runs.ts';
import { sampleRunDownloadRoutes } from './run-downloads.ts';
import { sampleAssignRoutes } from './assign.ts';
import { replaceSampleItemRoute } from './replace-item.ts';
import { workQueueRoute } from './work-queue.ts';

/** Sampling: plans, the draws they make, the drawn items and who scores them. Mounted together (mountAll), so the RPC type survives. */
export function samplingRoutes(deps: AppDeps) {
  return mountAll(
    deps,
    samplingOptionRoutes,
    samplingPlanRoutes,
    previewSamplingPlanRoute,
    publishSamplingPlanRoute,
    drawSampleRoute,
    sampleRunRoutes,
    sampleRunDownloadRoutes,
    sampleAssignRoutes,
    replaceSampleItemRoute,
    workQueueRoute
  );
}
