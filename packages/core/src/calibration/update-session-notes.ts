import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { SessionNotesInput } from '@attentive/shared/calibration-results';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { Id, parseInput } from '../input.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canFacilitate } from '../policy/calibration.ts';
import { loadReadableSession } from './load-session.ts';

export const UpdateSessionNotesInput = SessionNotesInput.extend({ sessionId: Id });

/**
 * The facilitator's notes of the discussion (what was agreed, which items to reword), before or after the
 * reveal: they never show anyone's answers. Replaces the notes; one transaction; audited.
 */
export async function updateSessionNotes({ ctx, input }: { ctx: Ctx; input: z.input<typeof UpdateSessionNotesInput> }) {
  const data = parseInput(UpdateSessionNotesInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { session, facts } = await loadReadableSession(tx, p, data.sessionId);
    if (!canFacilitate(p, facts)) throw forbidden('Only the facilitator (a QA analyst or admin) keeps the session notes');
    await tx.update(schema.calibrationSessions).set({ notes: data.notes }).where(eq(schema.calibrationSessions.id, session.id));
    await writeAudit(
      tx,
      ctx,
      {
        action: 'calibration.notes',
        objectType: 'calibration_session',
        objectId: session.id,
        before: { notes: session.notes },
        after: { notes: data.notes }
      },
      now
    );
    return { sessionId: session.id, notes: data.notes };
  });
}
