import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from '../access/scoped.ts';
import { changesNothing, checkCodeName, codeTaken, mustAdminister } from './org-unit-rules.ts';

/** Creates a program of a client (no id) or changes one (id); a save that changes nothing writes nothing. */
export async function saveProgram({
  ctx,
  input
}: {
  ctx: Ctx;
  input: { id?: number; code?: string; name?: string; clientId?: number; disputeWindowDays?: number };
}) {
  mustAdminister(ctx);
  checkCodeName(input);
  if (
    input.disputeWindowDays !== undefined &&
    (!Number.isInteger(input.disputeWindowDays) || input.disputeWindowDays < 0 || input.disputeWindowDays > 365)
  ) {
    throw invalid('disputeWindowDays: a whole number of days from 0 to 365', [{ path: 'disputeWindowDays', message: 'out of range' }]);
  }
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.programs, tenantId, input.id, 'Program') : null;
    if (input.clientId != null) await findInTenant(tx, schema.clients, tenantId, input.clientId, 'Client');
    if (input.code && (await codeTaken(tx, schema.programs, tenantId, input.code, before?.id)))
      throw conflict(`A program with code ${input.code} already exists`);
    let row;
    if (before) {
      const next = {
        code: input.code ?? before.code,
        name: input.name?.trim() ?? before.name,
        clientId: input.clientId ?? before.clientId,
        disputeWindowDays: input.disputeWindowDays ?? before.disputeWindowDays
      };
      if (changesNothing(before, next)) return before;
      [row] = await tx.update(schema.programs).set(next).where(eq(schema.programs.id, before.id)).returning();
    } else {
      if (!input.code || !input.name || input.clientId == null) {
        throw invalid('code, name and clientId are required for a new program', [
          { path: !input.code ? 'code' : !input.name ? 'name' : 'clientId', message: 'required' }
        ]);
      }
      [row] = await tx
        .insert(schema.programs)
        .values({
          tenantId,
          code: input.code,
          name: input.name.trim(),
          clientId: input.clientId,
          disputeWindowDays: input.disputeWindowDays ?? 7
        })
        .returning();
    }
    const pick = (r: typeof row) => ({ code: r!.code, name: r!.name, clientId: r!.clientId, disputeWindowDays: r!.disputeWindowDays });
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'program.update' : 'program.create',
        objectType: 'program',
        objectId: row!.id,
        before: before ? pick(before) : undefined,
        after: pick(row)
      },
      nowOf(ctx)
    );
    return row!;
  });
}
