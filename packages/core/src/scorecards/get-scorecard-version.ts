import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canReadScorecardDrafts } from '../policy/scorecards.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { scorecardDto, versionDto } from './dto.ts';
import { ScorecardId } from './inputs.ts';
import { loadReadableScorecard } from './load.ts';

export const GetScorecardVersionInput = z.object({ scorecardId: ScorecardId, version: z.number().int().positive() });

/** One version with its full definition; drafts only for scorecard managers. */
export async function getScorecardVersion({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetScorecardVersionInput> }) {
  const data = parseInput(GetScorecardVersionInput, input);
  const p = ctx.principal;
  const { scorecard, programName } = await loadReadableScorecard(ctx.db, p, data.scorecardId);
  const [v] = await ctx.db
    .select()
    .from(schema.scorecardVersions)
    .where(and(eq(schema.scorecardVersions.scorecardId, scorecard.id), eq(schema.scorecardVersions.version, data.version)))
    .limit(1);
  if (!v || (v.status === 'draft' && !canReadScorecardDrafts(p))) throw notFound(`Version ${data.version} of scorecard ${scorecard.id}`);
  return { scorecard: scorecardDto(scorecard, programName), version: versionDto(v) };
}
