import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, ms } from './columns.ts';

/**
 * Append-only audit trail. Each row carries the hash of the row before it, so an edited or deleted
 * row breaks the chain (verified by `pnpm audit:verify`). Written in the same transaction as the change.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    tenantId: integer('tenant_id'),
    at: ms('at').notNull(),
    actorUserId: text('actor_user_id'),
    /** Who acted, readable: "user:ann@example.com", "token:telephony-energie", "system:scheduler". */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    /** JSON of what changed, where it matters. Never contains secrets or customer contact data. */
    before: text('before'),
    after: text('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_tenant_at').on(t.tenantId, t.at), index('audit_object').on(t.objectType, t.objectId)]
);
