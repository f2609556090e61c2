import type { InStatement, Transaction } from '@libsql/client';

type Value = string | number | null;

/** An SQL literal. Numbers must be finite; strings are quoted with '' escaping. */
export function sqlLiteral(v: Value): string {
  if (v == null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

/**
 * Inserts generated rows with multi-row INSERT statements (`perStatement` rows each), sent in one batch
 * inside the caller's transaction. Values are inlined as literals: binding ~18 arguments per row costs
 * more than SQLite parsing them (measured: ~25% faster on 200k calls). Only for generated data.
 */
export async function insertRows(tx: Transaction, table: string, columns: readonly string[], rows: Value[][], perStatement = 400) {
  const stmts: InStatement[] = [];
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const parts: string[] = [];
    for (const row of rows.slice(i, i + perStatement)) parts.push(`(${row.map(sqlLiteral).join(',')})`);
    stmts.push(head + parts.join(','));
  }
  if (stmts.length) await tx.batch(stmts);
}
