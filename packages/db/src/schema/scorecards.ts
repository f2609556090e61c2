import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { programs } from './org.ts';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';

/** What a scorecard is for: scoring recorded calls, or the shopper's form of a mystery call. */
export const SCORECARD_PURPOSES = ['calls', 'mystery'] as const;

/**
 * A scorecard: the form evaluators fill in. It belongs to one program, or (programId null) is the
 * tenant's shared default for programs without their own. A program has one per purpose (its call
 * scorecard and its mystery-call form); items with the same id in both compare directly. Its content lives
 * in versions.
 */
export const scorecards = sqliteTable(
  'scorecards',
  {
    id: id(),
    tenantId: tenantId(),
    /** Null: the tenant's shared default scorecard. */
    programId: integer('program_id').references(() => programs.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    purpose: text('purpose', { enum: SCORECARD_PURPOSES }).notNull().default('calls'),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull()
  },
  (t) => [
    // One scorecard per program and purpose, and one shared default per tenant and purpose.
    uniqueIndex('scorecards_one_per_program_purpose')
      .on(t.tenantId, t.programId, t.purpose)
      .where(sql`program_id is not null`),
    uniqueIndex('scorecards_one_default_purpose')
      .on(t.tenantId, t.purpose)
      .where(sql`program_id is null`),
    index('scorecards_program').on(t.programId)
  ]
);

/**
 * One version of a scorecard. A draft may change; publishing freezes it (a trigger in the migrations
 * refuses any change to a published row). The definition is the whole form as JSON, validated by
 * ScorecardDefinition in @attentive/shared (docs/adr/0002-scorecard-versions.md).
 */
export const scorecardVersions = sqliteTable(
  'scorecard_versions',
  {
    id: id(),
    tenantId: tenantId(),
    scorecardId: ref('scorecard_id', () => scorecards.id),
    /** 1, 2, 3… per scorecard. */
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    definition: text('definition', { mode: 'json' }).notNull().$type<ScorecardDefinition>(),
    /** What changed in this version, for the history. */
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    updatedAt: updatedAt(),
    /** Bumped on each draft save: the optimistic-concurrency token of the builder. */
    revision: integer('revision').notNull().default(1),
    publishedAt: ms('published_at'),
    publishedBy: text('published_by')
  },
  (t) => [
    uniqueIndex('scorecard_versions_number').on(t.scorecardId, t.version),
    // At most one open draft per scorecard.
    uniqueIndex('scorecard_versions_one_draft')
      .on(t.scorecardId)
      .where(sql`status = 'draft'`),
    index('scorecard_versions_tenant').on(t.tenantId)
  ]
);
