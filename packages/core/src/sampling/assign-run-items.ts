import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canManageSampling, canReadSampleRun } from '../policy/sampling.ts';
import { dueAtEndOfDay } from './period.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';
import { assignItemsInTx } from './assign-items.ts';

/** (Re)assigns every open, unassigned item of a run, e.g. after team leads were appointed. */
export async function assignRunItems({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const data = parseInput(z.object({ runId: z.number().int().positive() }), input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const { run, clientId } = await loadRun(tx, p.tenantId, data.runId);
    if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample run ${data.runId}`);
    if (!canManageSampling(p)) throw forbidden('Only admins and QA analysts assign sampled calls');
    const open = await tx
      .select({ id: schema.sampleItems.id })
      .from(schema.sampleItems)
      .where(
        and(
          eq(schema.sampleItems.runId, run.id),
          isNull(schema.sampleItems.assignedTo),
          ne(schema.sampleItems.status, 'replaced'),
          isNull(schema.sampleItems.evaluationId)
        )
      );
    const now = nowOf(ctx);
    const def = snapshotOf(run.filterSnapshot).definition;
    const assigned = await assignItemsInTx(tx, {
      tenantId: p.tenantId,
      itemIds: open.map((o) => o.id),
      mode: def.assignment.mode,
      dueAt: dueAtEndOfDay(now, def.assignment.dueDays, def.timezone),
      now
    });
    if (assigned === 0) return { unassigned: open.length, assigned }; // nothing changed: no audit row
    const after = { unassigned: open.length, assigned };
    await writeAudit(tx, ctx, { action: 'sample_run.assign', objectType: 'sample_run', objectId: run.id, after }, now);
    return { unassigned: open.length, assigned };
  });
}
