import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { MYSTERY_ASSIGNMENT_STATUSES } from '@attentive/db/schema/mystery';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canManageMystery } from '../../policy/mystery.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { assignmentDto, assignmentRows } from './assignment-rows.ts';

export const ListAssignmentsInput = z.object({
  programId: Id.optional(),
  planId: Id.optional(),
  shopperId: Id.optional(),
  status: z.enum(MYSTERY_ASSIGNMENT_STATUSES).optional()
});

/** Every assignment of the tenant (admins, QA analysts), by window, filtered by program, plan, shopper or status. */
export async function listAssignments({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListAssignmentsInput> }) {
  const f = parseInput(ListAssignmentsInput, input);
  const p = ctx.principal;
  if (!canManageMystery(p)) throw forbidden('Only admins and QA analysts see every assignment');
  const a = schema.mysteryAssignments;
  const [rows, zone] = await Promise.all([
    assignmentRows(ctx.db, p.tenantId, [
      f.programId ? eq(a.programId, f.programId) : undefined,
      f.planId ? eq(a.planId, f.planId) : undefined,
      f.shopperId ? eq(a.shopperId, f.shopperId) : undefined,
      f.status ? eq(a.status, f.status) : undefined
    ]),
    tenantTimeZone(ctx)
  ]);
  const now = nowOf(ctx);
  return { items: rows.map((r) => assignmentDto(r, now, zone)) };
}
