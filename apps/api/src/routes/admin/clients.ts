import { listClients, saveClient } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { codeNameRoutes } from './code-name-routes.ts';

/** Clients: list, create, change. */
export const clientRoutes = (deps: AppDeps) =>
  codeNameRoutes(deps, { path: '/admin/clients', one: 'Client', many: 'Clients', list: listClients, save: saveClient });
