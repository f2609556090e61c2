import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Callback surveys: the survey caller's queue: claim, attempts, answers (H3). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 14
export function callerQueueRoutes(deps: AppDeps) {
  return newRouter();
}
