import type { DbOrTx } from '@attentive/db';
import { schema } from '@attentive/db';
import { conflict } from '../../errors.ts';
import { findInTenant } from '../../access/scoped.ts';

/** An assignment of the tenant that is still planned (completed or cancelled: 409, with the reason). */
export async function loadPlannedAssignment(tx: DbOrTx, tenantId: number, id: number) {
  const a = await findInTenant(tx, schema.mysteryAssignments, tenantId, id, 'Mystery assignment');
  if (a.status !== 'planned') throw conflict(`This mystery call is ${a.status}: only a planned one can be changed`);
  return a;
}
