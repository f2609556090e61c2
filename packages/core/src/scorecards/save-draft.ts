import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { canManageScorecards } from '../policy/scorecards.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { parseDefinition } from '../scoring/parse-definition.ts';
import { versionDto } from './dto.ts';
import { DefinitionInput, ScorecardId, VersionNote } from './inputs.ts';
import { draftOf, latestVersion, loadReadableScorecard } from './load.ts';

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
  const p = ctx.principal;
  if (!canManageScorecards(p)) throw forbidden('Only admins and QA analysts manage scorecards');
  const definition = parseDefinition(data.definition);
  return ctx.db.transaction(async (tx) => {
    const { scorecard } = await loadReadableScorecard(tx, p, data.scorecardId);
    const now = nowOf(ctx);
    const draft = await draftOf(tx, scorecard.id);
    if (draft) {
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
      await writeAudit(
        tx,
        { principal: p, requestId: ctx.requestId },
        {
          action: 'scorecard.draft.save',
          objectType: 'scorecard_version',
          objectId: v!.id,
          after: { scorecardId: scorecard.id, version: v!.version, revision: v!.revision }
        },
        now
      );
      return { created: false, draft: versionDto(v!) };
    }
    const latest = await latestVersion(tx, scorecard.id);
    const [v] = await tx
      .insert(schema.scorecardVersions)
      .values({
        tenantId: p.tenantId,
        scorecardId: scorecard.id,
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        definition,
        note: data.note ?? '',
        createdAt: now,
        createdBy: p.label,
        updatedAt: now
      })
      .returning();
    await writeAudit(
      tx,
      { principal: p, requestId: ctx.requestId },
      {
        action: 'scorecard.draft.create',
        objectType: 'scorecard_version',
        objectId: v!.id,
        after: { scorecardId: scorecard.id, version: v!.version, from: latest?.id ?? null }
      },
      now
    );
    return { created: true, draft: versionDto(v!) };
  });
}
