import { desc } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../policy/principal.ts';
import { GENESIS_HASH, auditRowHash, type AuditFields } from './hash.ts';

export type AuditEntry = {
  action: string;
  objectType?: string;
  objectId?: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one row to the audit chain. Call it inside the transaction of the change it records:
 * libsql write transactions are serialised (BEGIN IMMEDIATE), so reading the last hash here is safe.
 */
export async function writeAudit(
  tx: DbOrTx,
  who: { principal?: Principal; actor?: string; tenantId?: number | null; requestId?: string },
  entry: AuditEntry,
  at = new Date()
) {
  const last = await tx.select({ hash: schema.auditLog.hash }).from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    tenantId: who.tenantId ?? who.principal?.tenantId ?? null,
    at: at.getTime(),
    actorUserId: who.principal?.userId ?? null,
    actor: who.actor ?? who.principal?.label ?? 'unknown',
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId: who.requestId ?? null
  };
  const hash = auditRowHash(prevHash, fields);
  await tx.insert(schema.auditLog).values({ ...fields, at: new Date(fields.at), prevHash, hash });
}
