import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { canReadScorecardDrafts } from '../policy/scorecards.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { scorecardDto, versionDto, versionSummaryDto } from './dto.ts';
import { ScorecardId } from './inputs.ts';
import { loadReadableScorecard } from './load.ts';

export const GetScorecardInput = z.object({ scorecardId: ScorecardId });

/** A scorecard with its version history (newest first) and the definition of its current version (the draft for managers). */
export async function getScorecard({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetScorecardInput> }) {
  const data = parseInput(GetScorecardInput, input);
  const p = ctx.principal;
  const { scorecard, programName } = await loadReadableScorecard(ctx.db, p, data.scorecardId);
  const drafts = canReadScorecardDrafts(p);
  const versions = (
    await ctx.db
      .select()
      .from(schema.scorecardVersions)
      .where(eq(schema.scorecardVersions.scorecardId, scorecard.id))
      .orderBy(desc(schema.scorecardVersions.version))
  ).filter((v) => drafts || v.status === 'published');
  const published = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    scorecard: scorecardDto(scorecard, programName),
    versions: versions.map(versionSummaryDto),
    published: published ? versionDto(published) : null,
    draft: draft ? versionDto(draft) : null
  };
}
