import { inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';

/**
 * Scorecard definitions by version id, loaded as pages of evaluations need them: the re-score and the
 * verification walk every evaluation, and a few versions serve them all.
 */
export type DefinitionCache = Map<number, ScorecardDefinition>;

/** Loads into `cache`, in one query, the definitions of those of `versionIds` it does not hold yet. */
export async function cacheDefinitions(db: DbOrTx, cache: DefinitionCache, versionIds: number[]) {
  const missing = [...new Set(versionIds)].filter((v) => !cache.has(v));
  if (!missing.length) return;
  const versions = await db
    .select({ id: schema.scorecardVersions.id, definition: schema.scorecardVersions.definition })
    .from(schema.scorecardVersions)
    .where(inArray(schema.scorecardVersions.id, missing));
  for (const v of versions) cache.set(v.id, v.definition);
}
