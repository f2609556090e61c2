import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { getMeRoute } from './me.ts';
import { myProgramsRoute } from './programs.ts';

/** Who is asking, and the programs it may see. Mounted together (mountAll), so the RPC type of every operation survives. */
export function meRoutes(deps: AppDeps) {
  return mountAll(deps, getMeRoute, myProgramsRoute);
}
