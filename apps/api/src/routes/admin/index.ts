import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
import { teamRoutes } from './teams.ts';
import { clientRoutes } from './clients.ts';
import { programRoutes } from './programs.ts';
import { peopleRoutes } from './people.ts';
import { roleRoutes } from './roles.ts';
import { accountRoutes } from './accounts.ts';
import { apiTokenRoutes } from './api-tokens.ts';

/** Admin: the organisation (teams, clients, programs), people with their roles and accounts, API tokens. Chained, so the RPC type of every operation survives. */
export function adminRoutes(deps: AppDeps) {
  return newRouter()
    .route('/', teamRoutes(deps))
    .route('/', clientRoutes(deps))
    .route('/', programRoutes(deps))
    .route('/', peopleRoutes(deps))
    .route('/', roleRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', apiTokenRoutes(deps));
}
