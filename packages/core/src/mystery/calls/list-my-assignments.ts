import { eq, ne } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { isMysteryShopper } from '../../policy/mystery.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { assignmentDto, assignmentRows } from './assignment-rows.ts';

const ORDER = { overdue: 0, today: 1, upcoming: 2, done: 3, cancelled: 4 } as const;

/**
 * A shopper's own assignments (its home page): the open ones by window (overdue, today, upcoming), then
 * the done ones, newest first. Cancelled assignments are left out. Nobody else's work appears here.
 */
export async function listMyAssignments({ ctx }: { ctx: Ctx; input?: unknown }) {
  const p = ctx.principal;
  if (!isMysteryShopper(p)) throw forbidden('Only mystery shoppers have assignments');
  const a = schema.mysteryAssignments;
  const [rows, zone] = await Promise.all([
    assignmentRows(ctx.db, p.tenantId, [eq(a.shopperId, p.personId!), ne(a.status, 'cancelled')]),
    tenantTimeZone(ctx)
  ]);
  const now = nowOf(ctx);
  const items = rows.map((r) => assignmentDto(r, now, zone));
  const done = items.filter((i) => i.due === 'done').reverse();
  const open = items.filter((i) => i.due !== 'done').sort((x, y) => ORDER[x.due] - ORDER[y.due]);
  return { items: [...open, ...done] };
}
