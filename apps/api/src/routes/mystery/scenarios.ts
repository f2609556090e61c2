import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Mystery calls: the scenario library (H1). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 13
export function scenarioRoutes(deps: AppDeps) {
  return newRouter();
}
