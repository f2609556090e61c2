import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { parseDefinition } from '../scoring/parse-definition.ts';
import { versionDto } from './dto.ts';
import { DefinitionInput, ScorecardId, VersionNote } from './inputs.ts';
import { draftOf } from './load.ts';
import { createNextDraft, scorecardEditor } from './drafts.ts';

export const SaveScorecardDraftInput = z.object({
  scorecardId: ScorecardId,
  definition: DefinitionInput,
  note: VersionNote.optional(),
  /** The draft revision the editor started from; a newer one means someone else saved meanwhile. */
  baseRevision: z.number().int().positive().optional()
});

/**
 * Saves the draft of a scorecard. When the latest version is published, this creates the next version
 * as a draft: a published version is never changed.
 */
export async function saveScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveScorecardDraftInput> }) {
  const data = parseInput(SaveScorecardDraftInput, input);
  const edit = scorecardEditor(ctx);
  const definition = parseDefinition(data.definition);
  return edit(data.scorecardId, async (tx, scorecard) => {
    const now = nowOf(ctx);
    const draft = await draftOf(tx, scorecard.id);
    if (!draft) return createNextDraft(tx, ctx, scorecard.id, now, { definition, note: data.note });
    if (data.baseRevision != null && data.baseRevision !== draft.revision)
      throw conflict(
        `The draft was saved meanwhile (now revision ${draft.revision}; you edited revision ${data.baseRevision}): reload it before saving`
      );
    // Saving what is stored already (a repeated autosave, a retried request): no new revision, no audit row.
    if ((data.note ?? draft.note) === draft.note && JSON.stringify(parseDefinition(draft.definition)) === JSON.stringify(definition)) {
      return { created: false, draft: versionDto(draft) };
    }
    const [v] = await tx
      .update(schema.scorecardVersions)
      .set({ definition, note: data.note ?? draft.note, updatedAt: now, revision: draft.revision + 1 })
      .where(eq(schema.scorecardVersions.id, draft.id))
      .returning();
    const after = { scorecardId: scorecard.id, version: v!.version, revision: v!.revision };
    await writeAudit(tx, ctx, { action: 'scorecard.draft.save', objectType: 'scorecard_version', objectId: v!.id, after }, now);
    return { created: false, draft: versionDto(v!) };
  });
}
