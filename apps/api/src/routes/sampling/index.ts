import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
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

/** Sampling: plans, the draws they make, the drawn items and who scores them. Chained, so the RPC type survives. */
export function samplingRoutes(deps: AppDeps) {
  return newRouter()
    .route('/', samplingOptionRoutes(deps))
    .route('/', samplingPlanRoutes(deps))
    .route('/', previewSamplingPlanRoute(deps))
    .route('/', publishSamplingPlanRoute(deps))
    .route('/', drawSampleRoute(deps))
    .route('/', sampleRunRoutes(deps))
    .route('/', sampleRunDownloadRoutes(deps))
    .route('/', sampleAssignRoutes(deps))
    .route('/', replaceSampleItemRoute(deps))
    .route('/', workQueueRoute(deps));
}
