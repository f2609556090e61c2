import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Mystery calls: reachability and scenario results (H4). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 13
export function reachabilityRoutes(deps: AppDeps) {
  return newRouter();
}
