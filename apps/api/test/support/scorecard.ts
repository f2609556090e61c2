import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { ScorecardDefinition, type ScorecardDefinitionInput } from '@attentive/shared/scorecard';

/**
 * Stores a tenant-wide scorecard (no program) with `definition` as its published version 1, straight in
 * the database: tests about evaluating need a scorecard, not the scorecard editor.
 */
export async function publishScorecard(
  db: Db,
  tenantId: number,
  definition: ScorecardDefinitionInput,
  by: { name: string; createdBy: string; publishedAt?: Date } = { name: 'Default', createdBy: 'test', publishedAt: new Date() }
) {
  const [card] = await db
    .insert(schema.scorecards)
    .values({ tenantId, programId: null, name: by.name, createdBy: by.createdBy })
    .returning();
  await db.insert(schema.scorecardVersions).values({
    tenantId,
    scorecardId: card!.id,
    version: 1,
    status: 'published',
    definition: ScorecardDefinition.parse(definition),
    createdBy: by.createdBy,
    updatedAt: new Date(),
    ...(by.publishedAt ? { publishedAt: by.publishedAt, publishedBy: by.createdBy } : {})
  });
  return card!.id;
}

/** A tenant's default scorecard, stored once (as publishScorecard) if the tenant has none yet. */
export async function ensureScorecard(
  db: Db,
  tenantId: number,
  definition: ScorecardDefinitionInput,
  by: { name: string; createdBy: string }
) {
  const [has] = await db
    .select({ id: schema.scorecards.id })
    .from(schema.scorecards)
    .where(and(eq(schema.scorecards.tenantId, tenantId), isNull(schema.scorecards.programId)))
    .limit(1);
  if (!has) await publishScorecard(db, tenantId, definition, by);
}
