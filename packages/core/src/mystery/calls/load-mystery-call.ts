import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../../policy/principal.ts';
import { findInTenant } from '../../access/scoped.ts';
import { forbidden } from '../../errors.ts';
import { canManageMystery } from '../../policy/mystery.ts';

/** A mystery call for matching: only admins and QA analysts match, within their tenant. */
export async function loadForMatching(db: DbOrTx, p: Principal, mysteryCallId: number) {
  if (!canManageMystery(p)) throw forbidden('Only admins and QA analysts match mystery calls to agents');
  return findInTenant(db, schema.mysteryCalls, p.tenantId, mysteryCallId, 'Mystery call');
}
