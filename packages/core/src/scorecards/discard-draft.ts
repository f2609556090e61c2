import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { ScorecardId } from './inputs.ts';
import { requireDraft, scorecardEditor } from './drafts.ts';

export const DiscardScorecardDraftInput = z.object({ scorecardId: ScorecardId });

/** Throws the draft away (only published versions are ever scored, so nothing refers to it). Version 1 cannot go: edit it instead. */
export async function discardScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof DiscardScorecardDraftInput> }) {
  const data = parseInput(DiscardScorecardDraftInput, input);
  return scorecardEditor(ctx)(data.scorecardId, async (tx, scorecard) => {
    const draft = await requireDraft(tx, scorecard);
    if (draft.version === 1)
      throw new DomainError('PRECONDITION_FAILED', 'The first version of a scorecard cannot be discarded: edit it instead');
    await tx.delete(schema.scorecardVersions).where(eq(schema.scorecardVersions.id, draft.id));
    const before = { scorecardId: scorecard.id, version: draft.version, definition: draft.definition };
    await writeAudit(
      tx,
      ctx,
      { action: 'scorecard.draft.discard', objectType: 'scorecard_version', objectId: draft.id, before },
      nowOf(ctx)
    );
    return { discarded: draft.version };
  });
}
