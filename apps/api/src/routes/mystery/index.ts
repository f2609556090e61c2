import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { scenarioRoutes } from './scenarios.ts';
import { planRoutes } from './plans.ts';
import { assignmentRoutes } from './assignments.ts';
import { reachabilityRoutes } from './reachability.ts';

/**
 * Mystery calls (docs/mystery-calls.md): the scenario library, month plans with their assignments, the
 * shopper's form and matching to agents, reachability. Mounted together (mountAll) so every operation's
 * RPC type survives.
 */
export function mysteryRoutes(deps: AppDeps) {
  return mountAll(deps, scenarioRoutes, planRoutes, assignmentRoutes, reachabilityRoutes);
}
