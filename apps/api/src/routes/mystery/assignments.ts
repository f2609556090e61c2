import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Mystery calls: a shopper's assignments, the shopper's form, matching a call to an agent (H3). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 13
export function assignmentRoutes(deps: AppDeps) {
  return newRouter();
}
