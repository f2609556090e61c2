import { canImportCalls } from './calls.ts';
import { type Principal, hasRole } from './principal.ts';

/** An import run (its counts and errors): admins of the tenant see all, an importer sees its own. */
export function canReadImport(p: Principal, imp: { tenantId: number; actor: string }): boolean {
  if (p.tenantId !== imp.tenantId || !canImportCalls(p)) return false;
  return hasRole(p, 'admin') || imp.actor === p.label;
}
