import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { clientPortalRoutes } from './portal.ts';
import { contractRoutes } from './contracts.ts';
import { contractReportRoutes } from './reports.ts';
import { rescoreRoutes } from './rescores.ts';

/**
 * The client's audit (docs/client-audit.md): the portal's figures, the contract terms and monthly reports,
 * and the blind re-scores. Mounted together (mountAll) so every operation's RPC type survives.
 */
export function clientRoutes(deps: AppDeps) {
  return mountAll(deps, clientPortalRoutes, contractRoutes, contractReportRoutes, rescoreRoutes);
}
