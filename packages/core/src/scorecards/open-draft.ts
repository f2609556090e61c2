import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageScorecards } from '../policy/scorecards.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { versionDto } from './dto.ts';
import { ScorecardId } from './inputs.ts';
import { draftOf, latestVersion, loadReadableScorecard } from './load.ts';

export const OpenScorecardDraftInput = z.object({ scorecardId: ScorecardId });

/** The scorecard's draft; when there is none, a new draft copied from the latest published version. */
export async function openScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof OpenScorecardDraftInput> }) {
  const data = parseInput(OpenScorecardDraftInput, input);
  const p = ctx.principal;
  if (!canManageScorecards(p)) throw forbidden('Only admins and QA analysts manage scorecards');
  return ctx.db.transaction(async (tx) => {
    const { scorecard } = await loadReadableScorecard(tx, p, data.scorecardId);
    const existing = await draftOf(tx, scorecard.id);
    if (existing) return { created: false, draft: versionDto(existing) };
    const latest = await latestVersion(tx, scorecard.id);
    const now = nowOf(ctx);
    const [v] = await tx
      .insert(schema.scorecardVersions)
      .values({
        tenantId: p.tenantId,
        scorecardId: scorecard.id,
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        definition: latest?.definition ?? { sections: [] },
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
