import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorOf } from './actor.ts';
import { commentDto } from './dto.ts';
import { Id, parseInput } from './inputs.ts';
import { loadForChange } from './load-for-change.ts';

export const AddCommentInput = z.object({
  evaluationId: Id,
  text: plainText({ min: 1, minMessage: 'write something', max: 4000, multiline: true }),
  /** The scorecard item the comment is about (a deduction cites its evidence this way). */
  itemId: z.string().min(1).max(64).nullish(),
  /** A moment in the recording, in seconds: shown as a marker on the waveform. */
  atSeconds: z.number().min(0).max(86_400).nullish(),
  /** A transcript turn (0-based) the comment cites. */
  turnIndex: z.number().int().min(0).max(100_000).nullish()
});

/** Adds a comment to an evaluation (on the whole, an item, a moment, a transcript line). Comments are never edited. */
export async function addComment({ ctx, input }: { ctx: Ctx; input: z.input<typeof AddCommentInput> }) {
  const data = parseInput(AddCommentInput, input);
  return ctx.db.transaction(async (tx) => {
    const { evaluation, definition } = await loadForChange(tx, ctx.principal, data.evaluationId);
    if (data.itemId != null && !definition.sections.some((s) => s.items.some((i) => i.id === data.itemId)))
      throw invalid(`item "${data.itemId}" is not on this scorecard version`, [
        { path: 'itemId', message: `item "${data.itemId}" is not on this scorecard version` }
      ]);
    let atSeconds = data.atSeconds ?? null;
    if ((atSeconds != null || data.turnIndex != null) && evaluation.callId == null)
      throw invalid('This evaluation has no recording: a comment cannot be pinned to a moment or a transcript line', [
        { path: atSeconds != null ? 'atSeconds' : 'turnIndex', message: 'no recording' }
      ]);
    if (evaluation.callId != null && atSeconds != null) {
      const [call] = await tx.select().from(schema.calls).where(eq(schema.calls.id, evaluation.callId)).limit(1);
      const length = call!.answerSeconds + call!.talkSeconds + call!.holdSeconds;
      if (atSeconds > length + 60)
        throw invalid(`atSeconds ${atSeconds} is past the end of the call (${length} s)`, [
          { path: 'atSeconds', message: `past the end of the call (${length} s)` }
        ]);
    }
    if (data.turnIndex != null) {
      const [t] = await tx.select().from(schema.callTranscripts).where(eq(schema.callTranscripts.callId, evaluation.callId!)).limit(1);
      const turn = t?.turns[data.turnIndex];
      if (!turn)
        throw invalid(`transcript line ${data.turnIndex} does not exist`, [
          { path: 'turnIndex', message: t ? `the transcript has ${t.turns.length} lines` : 'the call has no transcript' }
        ]);
      atSeconds ??= turn.start;
    }
    const me = authorOf(ctx.principal);
    const now = nowOf(ctx);
    const [row] = await tx
      .insert(schema.evaluationComments)
      .values({
        tenantId: ctx.principal.tenantId,
        evaluationId: evaluation.id,
        itemId: data.itemId ?? null,
        text: data.text,
        atSeconds,
        turnIndex: data.turnIndex ?? null,
        authorId: me.id,
        authorLabel: me.label,
        createdAt: now
      })
      .returning();
    const after = { commentId: row!.id, itemId: row!.itemId, atSeconds, turnIndex: row!.turnIndex };
    await writeAudit(tx, ctx, { action: 'evaluation.comment', objectType: 'evaluation', objectId: evaluation.id, after }, now);
    return commentDto(row!);
  });
}
