import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { parseDefinition } from '../scoring/parse-definition.ts';
import { versionDto } from './dto.ts';
import { publishProblems, ScorecardId, VersionNote } from './inputs.ts';
import { requireDraft, scorecardEditor } from './drafts.ts';

export const PublishScorecardDraftInput = z.object({
  scorecardId: ScorecardId,
  /** The draft revision the publisher reviewed: publishing something else is refused. */
  revision: z.number().int().positive().optional(),
  note: VersionNote.optional()
});

/**
 * Publishes the draft: from now on it is frozen (the database refuses changes to it) and new
 * evaluations of its program are scored on it. Evaluations already made keep their version.
 */
export async function publishScorecardDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof PublishScorecardDraftInput> }) {
  const data = parseInput(PublishScorecardDraftInput, input);
  return scorecardEditor(ctx)(data.scorecardId, async (tx, scorecard) => {
    const draft = await requireDraft(tx, scorecard, ' to publish');
    if (data.revision != null && data.revision !== draft.revision)
      throw conflict(
        `The draft changed since you reviewed it (revision ${draft.revision}, you reviewed ${data.revision}): review it again`
      );
    // Re-check the stored definition against today's rules before freezing it.
    const definition = parseDefinition(draft.definition);
    const problems = publishProblems(definition);
    if (problems.length) throw invalid(`Cannot publish: ${problems.map((x) => x.message).join('; ')}`, problems);
    // A version identical to the last one would only blur the history (and split trends by version).
    const [published] = await tx
      .select()
      .from(schema.scorecardVersions)
      .where(and(eq(schema.scorecardVersions.scorecardId, scorecard.id), eq(schema.scorecardVersions.status, 'published')))
      .orderBy(desc(schema.scorecardVersions.version))
      .limit(1);
    if (published && JSON.stringify(parseDefinition(published.definition)) === JSON.stringify(definition)) {
      throw conflict(
        `Nothing to publish: the draft is the same as published version ${published.version}. Change the draft, or discard it`
      );
    }
    const now = nowOf(ctx);
    const [v] = await tx
      .update(schema.scorecardVersions)
      .set({ status: 'published', publishedAt: now, publishedBy: ctx.principal.label, updatedAt: now, note: data.note ?? draft.note })
      .where(and(eq(schema.scorecardVersions.id, draft.id), eq(schema.scorecardVersions.status, 'draft')))
      .returning();
    const after = { scorecardId: scorecard.id, version: v!.version };
    await writeAudit(tx, ctx, { action: 'scorecard.publish', objectType: 'scorecard_version', objectId: v!.id, after }, now);
    return { version: versionDto(v!) };
  });
}
