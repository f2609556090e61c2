import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canReadAssignment, canWorkAssignment } from '../../policy/mystery.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { assignmentDto, assignmentRows } from './assignment-rows.ts';
import { mysteryCallDto, mysteryCallRows } from './call-rows.ts';
import { mysteryScorecardVersion, scenarioCard, scorecardOfVersion, scoresOf } from './scenario-parts.ts';

export const GetAssignmentInput = z.object({ assignmentId: Id });

/**
 * One assignment as the shopper's form needs it: the scenario version (story, question, right answer,
 * opportunity), the scorecard version to fill and, once recorded, the record. Another shopper's
 * assignment is NOT_FOUND, exactly like a missing one.
 */
export async function getAssignment({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetAssignmentInput> }) {
  const { assignmentId } = parseInput(GetAssignmentInput, input);
  const p = ctx.principal;
  const [row] = await assignmentRows(ctx.db, p.tenantId, [eq(schema.mysteryAssignments.id, assignmentId)]);
  if (!row || !canReadAssignment(p, row)) throw notFound(`Assignment ${assignmentId}`);
  const [version] = await ctx.db
    .select()
    .from(schema.mysteryScenarioVersions)
    .where(eq(schema.mysteryScenarioVersions.id, row.scenarioVersionId));
  const [callRow] = row.mysteryCallId ? await mysteryCallRows(ctx.db, p.tenantId, [eq(schema.mysteryCalls.id, row.mysteryCallId)]) : [];
  const scores = await scoresOf(ctx.db, p, callRow?.call.evaluationId ?? null);
  // A recorded call shows the version it was scored on; an open one the version the shopper will fill.
  const scorecard = scores
    ? await scorecardOfVersion(ctx.db, scores.scorecardVersionId)
    : await mysteryScorecardVersion(ctx.db, p.tenantId, version!.scorecardId);
  return {
    assignment: assignmentDto(row, nowOf(ctx), await tenantTimeZone(ctx)),
    scenario: scenarioCard(version!),
    scorecard,
    call: callRow ? mysteryCallDto(callRow) : null,
    scores,
    canRecord: canWorkAssignment(p, row) && row.status === 'planned' && row.mysteryCallId == null
  };
}
