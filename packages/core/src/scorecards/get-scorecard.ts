import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { canReadScorecardDrafts } from '../policy/scorecards.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { scorecardDto, versionDto, versionSummaryDto } from './dto.ts';
import { ScorecardId } from './inputs.ts';
import { loadReadableScorecard } from './load.ts';
import { comparisonWithCalls } from './compare.ts';

export const GetScorecardInput = z.object({ scorecardId: ScorecardId });

/**
 * A scorecard with its version history (newest first) and the definition of its current version (the draft for
 * managers). A program's mystery-call form also says which items of that definition compare with the call scorecard.
 */
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
  const shown = draft ?? published;
  const comparison =
    scorecard.purpose === 'mystery' && scorecard.programId != null && shown
      ? await comparisonWithCalls(ctx.db, p.tenantId, scorecard.programId, shown.definition)
      : null;
  return {
    scorecard: scorecardDto(scorecard, programName),
    versions: versions.map(versionSummaryDto),
    published: published ? versionDto(published) : null,
    draft: draft ? versionDto(draft) : null,
    /** Of the draft (managers) or else the published version: the items that compare with the program's call scorecard. */
    comparison
  };
}
