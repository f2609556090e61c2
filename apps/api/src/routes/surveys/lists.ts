import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Callback surveys: callback plans and their daily verifiable draws (H2). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 14
export function callbackListRoutes(deps: AppDeps) {
  return newRouter();
}
