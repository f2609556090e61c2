import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { teamRoutes } from './teams.ts';
import { clientRoutes } from './clients.ts';
import { programRoutes } from './programs.ts';
import { peopleRoutes } from './people.ts';
import { roleRoutes } from './roles.ts';
import { accountRoutes } from './accounts.ts';
import { apiTokenRoutes } from './api-tokens.ts';

/** Admin: the organisation (teams, clients, programs), people with their roles and accounts, API tokens. Mounted together (mountAll), so the RPC type of every operation survives. */
export function adminRoutes(deps: AppDeps) {
  return mountAll(deps, teamRoutes, clientRoutes, programRoutes, peopleRoutes, roleRoutes, accountRoutes, apiTokenRoutes);
}
