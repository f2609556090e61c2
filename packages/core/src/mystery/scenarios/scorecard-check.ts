import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { invalid } from '../../errors.ts';

/**
 * The scorecard a scenario is scored on must be one of its program's (the mystery-call form or the call
 * scorecard) or the tenant's shared default, and have a published version (a shopper fills in a published
 * form). Anything else is bad input naming `scorecardId` — a foreign id reads like a missing one.
 */
export async function assertScenarioScorecard(tx: DbOrTx, tenantId: number, programId: number, scorecardId: number) {
  const [card] = await tx
    .select({ id: schema.scorecards.id, name: schema.scorecards.name, programId: schema.scorecards.programId })
    .from(schema.scorecards)
    .where(and(eq(schema.scorecards.id, scorecardId), eq(schema.scorecards.tenantId, tenantId)))
    .limit(1);
  const refuse = (message: string) => invalid(`scorecardId: ${message}`, [{ path: 'scorecardId', message }]);
  if (!card || (card.programId != null && card.programId !== programId))
    throw refuse(`scorecard ${scorecardId} is not a scorecard of this program or the shared default`);
  const [published] = await tx
    .select({ id: schema.scorecardVersions.id })
    .from(schema.scorecardVersions)
    .where(and(eq(schema.scorecardVersions.scorecardId, card.id), eq(schema.scorecardVersions.status, 'published')))
    .limit(1);
  if (!published) throw refuse(`scorecard "${card.name}" has no published version yet: publish it first`);
  return card;
}
