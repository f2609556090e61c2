import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Callback surveys: metrics, non-response, QA next to CSAT, low-score alerts (H5). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 14
export function surveyResultRoutes(deps: AppDeps) {
  return newRouter();
}
