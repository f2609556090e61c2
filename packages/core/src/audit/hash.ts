import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  tenantId: number | null;
  at: number;
  actorUserId: string | null;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
};

/** The hash of one audit row: its own fields, in a fixed order, chained to the hash before it. */
export function auditRowHash(prevHash: string, f: AuditFields): string {
  const canonical = JSON.stringify([
    f.tenantId,
    f.at,
    f.actorUserId,
    f.actor,
    f.action,
    f.objectType,
    f.objectId,
    f.before,
    f.after,
    f.requestId
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
