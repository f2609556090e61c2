import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';

type TenantTable = SQLiteTable & { id: SQLiteColumn; tenantId: SQLiteColumn };

/**
 * Loads one row by id within a tenant. A row of another tenant is reported exactly like a missing
 * one (same NOT_FOUND, same message), so ids cannot be probed across tenants.
 */
export async function findInTenant<T extends TenantTable>(
  db: DbOrTx,
  table: T,
  tenantId: number,
  id: number,
  what: string
): Promise<T['$inferSelect']> {
  const rows = await db
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.id, id), eq(table.tenantId, tenantId)))
    .limit(1);
  if (!rows[0]) throw notFound(`${what} ${id}`);
  return rows[0] as T['$inferSelect'];
}
