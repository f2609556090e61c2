import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** The client's portal: each program's month and trend, drill-down to teams and evaluations, sample verification, benchmark (H3). */
export function clientPortalRoutes(_deps: AppDeps) {
  return newRouter();
}
