import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '@attentive/shared';
import { clients, people, programs, teams } from './org.ts';
import { users } from './auth.ts';
import { createdAt, id, ms, ref, tenantId } from './columns.ts';

/**
 * What a person may do: one row per role and scope. team_lead → team_id; client_auditor → client_id;
 * admin, qa_analyst, agent, mystery_shopper, survey_caller → no scope (agents act on themselves).
 */
export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: id(),
    tenantId: tenantId(),
    personId: ref('person_id', () => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    teamId: integer('team_id').references(() => teams.id),
    clientId: integer('client_id').references(() => clients.id),
    programId: integer('program_id').references(() => programs.id),
    createdAt: createdAt()
  },
  (t) => [
    index('role_assignments_person').on(t.personId),
    // One row per (person, role, scope); nullable scopes make a unique index useless in SQLite,
    // so assignRole checks it inside its transaction.
    index('role_assignments_scope').on(t.tenantId, t.role)
  ]
);

/**
 * Tokens for integrations (telephony import, webhooks), scoped to one program or one client.
 * Only the SHA-256 of the token is stored; the token itself is shown once at creation.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** The first characters of the token, to recognise it in lists ("att_3kf9…"). */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    programId: integer('program_id').references(() => programs.id),
    clientId: integer('client_id').references(() => clients.id),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: ms('last_used_at'),
    revokedAt: ms('revoked_at')
  },
  (t) => [index('api_tokens_tenant').on(t.tenantId)]
);
