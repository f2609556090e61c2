import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canManageMystery } from '../../policy/mystery.ts';
import { mysteryCallDto, mysteryCallRows } from './call-rows.ts';

export const ListMysteryCallsInput = z.object({
  programId: Id.optional(),
  /** Only answered calls whose agent is not identified yet: the matching queue. */
  unmatched: z.boolean().optional()
});

/** Recorded mystery calls, newest first (admins, QA analysts). */
export async function listMysteryCalls({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListMysteryCallsInput> }) {
  const f = parseInput(ListMysteryCallsInput, input);
  const p = ctx.principal;
  if (!canManageMystery(p)) throw forbidden('Only admins and QA analysts see every mystery call');
  const m = schema.mysteryCalls;
  const rows = await mysteryCallRows(ctx.db, p.tenantId, [
    f.programId ? eq(m.programId, f.programId) : undefined,
    f.unmatched ? and(isNotNull(m.evaluationId), isNull(schema.evaluations.agentId)) : undefined
  ]);
  return { items: rows.map(mysteryCallDto) };
}
