import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { planEditRoutes } from './plans/edit.ts';
import { planReadRoutes } from './plans/read.ts';
import { planAssignmentRoutes } from './plans/assignments.ts';

/** Mystery calls: month plans and their assignments (H2). Reads first: `/mystery/plans/options` before `{id}`. */
export function planRoutes(deps: AppDeps) {
  return mountAll(deps, planReadRoutes, planEditRoutes, planAssignmentRoutes);
}
