import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** The client's blind re-score: draw, scoring, comparison with the contact center's scores (H4). */
export function rescoreRoutes(_deps: AppDeps) {
  return newRouter();
}
