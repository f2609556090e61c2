import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { RecordConsensusInput } from '@attentive/shared/calibration-results';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError, conflict, forbidden, invalid, notFound } from '../errors.ts';
import { Id, parseInput } from '../input.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canFacilitate } from '../policy/calibration.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { loadReadableSession } from './load-session.ts';

export const RecordConsensusVerbInput = RecordConsensusInput.extend({ sessionId: Id, callId: Id });

/**
 * THE writer of agreed answers: after the reveal, the facilitator (a QA analyst or admin of the tenant) records
 * per item of one call the answer the group agreed on (or an expert's ruling), with a note. Each answer is checked
 * against its item with the scoring validator (400 naming the item); a call not in the session is 404; before the
 * reveal 409 (there is nothing to agree on while the answers are blind). Upsert per (session, call, item); one
 * transaction; audited with what changed.
 */
export async function recordConsensus({ ctx, input }: { ctx: Ctx; input: z.input<typeof RecordConsensusVerbInput> }) {
  const data = parseInput(RecordConsensusVerbInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { session, facts } = await loadReadableSession(tx, p, data.sessionId);
    if (!canFacilitate(p, facts)) throw forbidden('Only the facilitator (a QA analyst or admin) records agreed answers');
    if (!session.revealedAt) throw conflict(`Calibration session ${session.id} is not revealed yet: agreed answers come after the reveal`);
    const [inSession] = await tx
      .select({ callId: schema.calibrationCalls.callId })
      .from(schema.calibrationCalls)
      .where(and(eq(schema.calibrationCalls.sessionId, session.id), eq(schema.calibrationCalls.callId, data.callId)));
    if (!inSession) throw notFound(`Call ${data.callId} in calibration session ${session.id}`);

    const version = await loadScorecardVersion(tx, p.tenantId, session.scorecardVersionId);
    try {
      validateAnswers(
        version.definition,
        data.items.map((i) => ({ itemId: i.itemId, value: i.answer as string | number }))
      );
    } catch (e) {
      // The validator names each item; here the place is `items.<i>.answer` of this request.
      if (e instanceof DomainError && e.code === 'VALIDATION')
        throw invalid(
          e.message,
          e.details?.map((d) => ({ ...d, path: d.path?.replace(/^answers\.(\d+)$/, 'items.$1.answer') }))
        );
      throw e;
    }

    const before = await tx
      .select()
      .from(schema.calibrationConsensus)
      .where(and(eq(schema.calibrationConsensus.sessionId, session.id), eq(schema.calibrationConsensus.callId, data.callId)));
    for (const item of data.items) {
      const row = { answer: item.answer, basis: item.basis, note: item.note, decidedBy: p.label, decidedAt: now };
      await tx
        .insert(schema.calibrationConsensus)
        .values({ sessionId: session.id, callId: data.callId, itemId: item.itemId, ...row })
        .onConflictDoUpdate({
          target: [schema.calibrationConsensus.sessionId, schema.calibrationConsensus.callId, schema.calibrationConsensus.itemId],
          set: row
        });
    }
    const changed = data.items.map((i) => i.itemId);
    await writeAudit(
      tx,
      ctx,
      {
        action: 'calibration.consensus',
        objectType: 'calibration_session',
        objectId: session.id,
        before: {
          callId: data.callId,
          items: before.filter((b) => changed.includes(b.itemId)).map((b) => ({ itemId: b.itemId, answer: b.answer, basis: b.basis }))
        },
        after: { callId: data.callId, items: data.items.map((i) => ({ itemId: i.itemId, answer: i.answer, basis: i.basis })) }
      },
      now
    );
    return { sessionId: session.id, callId: data.callId, recorded: data.items.length, decidedAt: now.toISOString() };
  });
}
