import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { canManageScorecards } from '../policy/scorecards.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { ScorecardId } from './inputs.ts';
import { draftOf, loadReadableScorecard } from './load.ts';

export const DiscardScorecardDraftInput = z.object({ scorecardId: ScorecardId });

/** Throws the draft away (only published versions are ever scored, so nothing refers to it). Version 1 cannot go: edit it instead. */
export async function discardScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof DiscardScorecardDraftInput> }) {
  const data = parseInput(DiscardScorecardDraftInput, input);
  const p = ctx.principal;
  if (!canManageScorecards(p)) throw forbidden('Only admins and QA analysts manage scorecards');
  return ctx.db.transaction(async (tx) => {
    const { scorecard } = await loadReadableScorecard(tx, p, data.scorecardId);
    const draft = await draftOf(tx, scorecard.id);
    if (!draft) throw new DomainError('PRECONDITION_FAILED', `Scorecard "${scorecard.name}" has no draft`);
    if (draft.version === 1)
      throw new DomainError('PRECONDITION_FAILED', 'The first version of a scorecard cannot be discarded: edit it instead');
    await tx.delete(schema.scorecardVersions).where(eq(schema.scorecardVersions.id, draft.id));
    await writeAudit(
      tx,
      { principal: p, requestId: ctx.requestId },
      {
        action: 'scorecard.draft.discard',
        objectType: 'scorecard_version',
        objectId: draft.id,
        before: { scorecardId: scorecard.id, version: draft.version, definition: draft.definition }
      },
      nowOf(ctx)
    );
    return { discarded: draft.version };
  });
}
