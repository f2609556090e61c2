import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canManageMystery, canReadAssignment } from '../../policy/mystery.ts';
import { mysteryCallDto, mysteryCallRows } from './call-rows.ts';
import { scenarioCard, scorecardOfVersion, scoresOf } from './scenario-parts.ts';

export const GetMysteryCallInput = z.object({ mysteryCallId: Id });

/**
 * One mystery call: the record, the scenario, the scorecard answers (with the score for managers), and
 * whether the caller may match it. Managers read every call; a shopper only its own, without scores.
 */
export async function getMysteryCall({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetMysteryCallInput> }) {
  const { mysteryCallId } = parseInput(GetMysteryCallInput, input);
  const p = ctx.principal;
  const [row] = await mysteryCallRows(ctx.db, p.tenantId, [eq(schema.mysteryCalls.id, mysteryCallId)]);
  if (!row || !canReadAssignment(p, { tenantId: row.call.tenantId, shopperId: row.call.shopperId }))
    throw notFound(`Mystery call ${mysteryCallId}`);
  const [version] = await ctx.db
    .select()
    .from(schema.mysteryScenarioVersions)
    .where(eq(schema.mysteryScenarioVersions.id, row.call.scenarioVersionId));
  const scores = await scoresOf(ctx.db, p, row.call.evaluationId);
  return {
    call: mysteryCallDto(row),
    scenario: scenarioCard(version!),
    scorecard: scores ? await scorecardOfVersion(ctx.db, scores.scorecardVersionId) : null,
    scores,
    canMatch: canManageMystery(p) && row.call.evaluationId != null
  };
}
