import { listTeams, saveTeam } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { codeNameRoutes } from './code-name-routes.ts';

/** Teams: list, create, change. */
export const teamRoutes = (deps: AppDeps) =>
  codeNameRoutes(deps, { path: '/admin/teams', one: 'Team', many: 'Teams', list: listTeams, save: saveTeam });
