import type { InValue, Transaction } from '@libsql/client';
import { CALL_IMPORT_COLUMNS as INSERT_COLUMNS } from '@attentive/db/schema/calls';
import type { ResolvedCall } from './resolve-record.ts';

/** Rows per INSERT statement. */
export const BATCH_ROWS = 1000;

const UPDATE_COLUMNS = INSERT_COLUMNS.slice(3);

/**
 * One statement for a whole batch: the rows travel as one JSON array parameter and SQLite unpacks it
 * (json_each). Insert, or on (tenant, source, external id) update — but only when a value really
 * changed, so a re-imported file leaves rows (and updated_at) untouched. A tiny statement: libsql
 * re-prepares every statement, and preparing 1,000 × 16 placeholders costs more than running them.
 */
export const UPSERT_SQL =
  `INSERT INTO calls (${INSERT_COLUMNS.join(', ')}) ` +
  `SELECT ${INSERT_COLUMNS.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE true ` +
  `ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET ${UPDATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = ? ` +
  `WHERE ${UPDATE_COLUMNS.map((c) => `calls.${c} IS NOT excluded.${c}`).join(' OR ')}`;

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Writes rows inside an open write transaction and says what happened to them without RETURNING:
 * `rowsAffected` counts inserted + really-updated rows, and new rows get consecutive ids after the
 * current maximum (INTEGER PRIMARY KEY, single writer), so the growth of max(id) is the insert count.
 */
export async function upsertCalls(
  tx: Transaction,
  rows: ResolvedCall[],
  nowMs: number,
  maxIdBefore: number
): Promise<UpsertCounts & { maxId: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, maxId: maxIdBefore };
  const json = `[${rows.map((r) => JSON.stringify(r.args)).join(',')}]`;
  const res = await tx.execute({ sql: UPSERT_SQL, args: [json, nowMs] });
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
export async function foreignExistingCalls(
  tx: Transaction,
  tenantId: number,
  rows: ResolvedCall[],
  allowed: Set<number>
): Promise<Set<number>> {
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
