import type { Client, Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { schema, type Db } from '@attentive/db';

/**
 * A drizzle handle over an open libsql transaction, so helpers written for drizzle (writeAudit, the
 * imports row) run inside the same raw transaction as the bulk INSERTs. drizzle only calls `execute`
 * on it; never call `.transaction()` on the result.
 */
export function drizzleOver(tx: Transaction): Db {
  return drizzle(tx as unknown as Client, { schema }) as Db;
}
