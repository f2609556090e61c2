import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { versionDto } from './dto.ts';
import { ScorecardId } from './inputs.ts';
import { draftOf } from './load.ts';
import { createNextDraft, scorecardEditor } from './drafts.ts';

export const OpenScorecardDraftInput = z.object({ scorecardId: ScorecardId });

/** The scorecard's draft; when there is none, a new draft copied from the latest published version. */
export async function openScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof OpenScorecardDraftInput> }) {
  const data = parseInput(OpenScorecardDraftInput, input);
  return scorecardEditor(ctx)(data.scorecardId, async (tx, scorecard) => {
    const existing = await draftOf(tx, scorecard.id);
    if (existing) return { created: false, draft: versionDto(existing) };
    return createNextDraft(tx, ctx, scorecard.id, nowOf(ctx));
  });
}
