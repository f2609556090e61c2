import { and, eq, ne } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { canAdminister, canReadOrg } from '../policy/admin.ts';

/** Rules the verbs on teams, clients and programs (small code + name records an admin keeps) share. */

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function checkCodeName(input: { code?: string; name?: string }) {
  if (input.code !== undefined && !CODE.test(input.code)) {
    throw invalid(`code: "${input.code}" must be 1-40 letters, digits, '-', '_' or '.'`, [{ path: 'code', message: 'invalid code' }]);
  }
  if (input.name !== undefined && !input.name.trim()) throw invalid('name: required', [{ path: 'name', message: 'required' }]);
}

/** True when saving `next` over `before` changes nothing: then nothing is written and no audit row made. */
export function changesNothing<T extends object>(before: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).every((k) => next[k] === before[k]);
}

export function mustAdminister(ctx: Ctx) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may change teams, clients and programs');
}
export function mustRead(ctx: Ctx) {
  if (!canReadOrg(ctx.principal)) throw forbidden('Only admins and QA analysts may list the organisation');
}

export async function codeTaken(
  tx: DbOrTx,
  table: typeof schema.teams | typeof schema.clients | typeof schema.programs,
  tenantId: number,
  code: string,
  exceptId?: number
) {
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.code, code), exceptId ? ne(table.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}
