import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, ref, tenantId } from './columns.ts';

/** The contact center: the tenant. Every other row belongs to exactly one. */
export const tenants = sqliteTable('tenants', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** The contact center's clock (IANA zone): calendar days, "due this week" and every time on its screens. */
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  /** The screens' language for a person who chose none and whose browser asks for neither en nor nl. */
  defaultLanguage: text('default_language', { enum: ['en', 'nl'] })
    .notNull()
    .default('en'),
  createdAt: createdAt()
});

/** A company whose customer contact the contact center runs (energy supplier, telecom, insurer…). */
export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Show this client's auditors pseudonyms ("Agent 7F3A") instead of agents' names (a privacy term of the contract). */
    pseudonymiseAgents: integer('pseudonymise_agents', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('clients_tenant_code').on(t.tenantId, t.code)]
);

/** A client's line of business: its queues, scorecard, sampling plan and contract targets. */
export const programs = sqliteTable(
  'programs',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: ref('client_id', () => clients.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Days an agent has to dispute an evaluation after it is submitted. */
    disputeWindowDays: integer('dispute_window_days').notNull().default(7),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('programs_tenant_code').on(t.tenantId, t.code), index('programs_client').on(t.clientId)]
);

export const queues = sqliteTable(
  'queues',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    code: text('code').notNull(),
    name: text('name').notNull()
  },
  (t) => [uniqueIndex('queues_program_code').on(t.programId, t.code)]
);

export const teams = sqliteTable(
  'teams',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('teams_tenant_code').on(t.tenantId, t.code)]
);

/**
 * Anyone who works in or with the contact center: agents, team leads, QA staff, client auditors.
 * What a person may do comes from role_assignments; `teamId` is the team an agent works in.
 */
export const people = sqliteTable(
  'people',
  {
    id: id(),
    tenantId: tenantId(),
    /** Employee code used by telephony exports (e.g. "AG0042"). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    teamId: integer('team_id').references(() => teams.id),
    /** Hire date as YYYY-MM-DD; tenure is computed from it. */
    hireDate: text('hire_date'),
    leftDate: text('left_date'),
    /** The sign-in account, if this person may sign in. */
    userId: text('user_id').unique(),
    /** The screens' language this person chose (en, nl); null: the browser's, else the tenant's default. */
    locale: text('locale', { enum: ['en', 'nl'] }),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('people_tenant_code').on(t.tenantId, t.code), index('people_team').on(t.teamId)]
);
