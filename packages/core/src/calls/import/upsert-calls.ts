import type { InValue, Transaction } from '@libsql/client';
import { INSERT_COLUMNS, type ResolvedCall } from './resolve-record.ts';

/** Rows per multi-row INSERT: 1,000 × 16 parameters stays well under SQLite's 32,766. */
export const BATCH_ROWS = 1000;

const UPDATE_COLUMNS = INSERT_COLUMNS.slice(3);
const ROW_PLACEHOLDERS = `(${INSERT_COLUMNS.map(() => '?').join(',')})`;
const sqlCache = new Map<number, string>();

/**
 * One statement for n rows: insert, or on (tenant, source, external id) update — but only when a value
 * really changed, so a re-imported file leaves rows (and updated_at) untouched.
 */
export function upsertSql(n: number): string {
  let sql = sqlCache.get(n);
  if (!sql) {
    sql =
      `INSERT INTO calls (${INSERT_COLUMNS.join(',')}) VALUES ${Array.from({ length: n }, () => ROW_PLACEHOLDERS).join(',')} ` +
      `ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET ${UPDATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = ? ` +
      `WHERE ${UPDATE_COLUMNS.map((c) => `calls.${c} IS NOT excluded.${c}`).join(' OR ')}`;
    sqlCache.set(n, sql);
  }
  return sql;
}

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Writes rows inside an open write transaction and says what happened to them without RETURNING:
 * `rowsAffected` counts inserted + really-updated rows, and new rows get consecutive ids after the
 * current maximum (INTEGER PRIMARY KEY, single writer), so the growth of max(id) is the insert count.
 */
export async function upsertCalls(tx: Transaction, rows: ResolvedCall[], nowMs: number, maxIdBefore: number): Promise<UpsertCounts & { maxId: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, maxId: maxIdBefore };
  const args: InValue[] = new Array(rows.length * INSERT_COLUMNS.length + 1);
  let k = 0;
  for (const r of rows) for (const v of r.args) args[k++] = v;
  args[k] = nowMs;
  const res = await tx.execute({ sql: upsertSql(rows.length), args });
  const maxId = await currentMaxCallId(tx);
  const inserted = maxId - maxIdBefore;
  const updated = res.rowsAffected - inserted;
  return { inserted, updated, unchanged: rows.length - inserted - updated, maxId };
}

export async function currentMaxCallId(tx: Transaction): Promise<number> {
  const r = await tx.execute('SELECT coalesce(max(id), 0) AS m FROM calls');
  return Number(r.rows[0]![0]);
}

/**
 * For principals limited to some programs: the rows whose (source, external id) already belongs to a
 * call in a program they may not touch (an update would move or overwrite someone else's call).
 */
export async function foreignExistingCalls(tx: Transaction, tenantId: number, rows: ResolvedCall[], allowed: Set<number>): Promise<Set<number>> {
  const bad = new Set<number>();
  if (rows.length === 0) return bad;
  const args: InValue[] = [tenantId];
  for (const r of rows) args.push(r.source, r.externalId);
  const res = await tx.execute({
    sql: `SELECT source, external_id, program_id FROM calls WHERE tenant_id = ? AND (source, external_id) IN (VALUES ${rows.map(() => '(?,?)').join(',')})`,
    args
  });
  const foreign = new Set<string>();
  for (const row of res.rows) if (!allowed.has(Number(row[2]))) foreign.add(`${row[0]}\u0000${row[1]}`);
  if (foreign.size) rows.forEach((r, i) => foreign.has(`${r.source}\u0000${r.externalId}`) && bad.add(i));
  return bad;
}
