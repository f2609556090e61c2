import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
import { getMeRoute } from './me.ts';
import { myProgramsRoute } from './programs.ts';

/** Who is asking, and the programs it may see. Chained, so the RPC type of every operation survives. */
export function meRoutes(deps: AppDeps) {
  return newRouter().route('/', getMeRoute(deps)).route('/', myProgramsRoute(deps));
}
