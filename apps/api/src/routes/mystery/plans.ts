import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Mystery calls: month plans and their assignments (H2). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 13
export function planRoutes(deps: AppDeps) {
  return newRouter();
}
