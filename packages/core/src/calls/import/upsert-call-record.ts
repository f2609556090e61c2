import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { requireImporter } from './check-import-start.ts';
import { loadCodeMaps } from './code-maps.ts';
import { drizzleOver } from './raw-tx.ts';
import { SOURCE_PATTERN } from './row-schema.ts';
import { currentMaxCallId, foreignExistingCalls, upsertCalls } from './upsert-calls.ts';
import { validateRecord } from './validate-record.ts';
import { NO_KEY, writeContacts } from './import-run.ts';
import { MAX_COLUMN_CHARS, MAX_REASON_CHARS, clip, echo } from './types.ts';

export type UpsertOutcome = { status: 'created' | 'updated' | 'unchanged'; callId: number; source: string; externalId: string };

/**
 * One call record from a telephony system (webhook): created, updated when something changed, or left
 * as it is — the same validation and idempotence as a bulk import, in one transaction with its audit row.
 */
export async function upsertCallRecord({ ctx, input }: { ctx: Ctx; input: { record: unknown; source: string } }): Promise<UpsertOutcome> {
  const p = ctx.principal;
  requireImporter(p);
  if (!SOURCE_PATTERN.test(input.source))
    throw invalid(`source ${echo(input.source)}: use letters, digits, . _ - (up to 64)`, [{ path: 'source', message: 'invalid source' }]);
  const maps = await loadCodeMaps(ctx.db, p);
  const now = nowOf(ctx);
  const v = validateRecord(input.record, maps, p.tenantId, input.source, now.getTime());
  if (Array.isArray(v)) {
    const errors = v.map((e) => ({ column: clip(e.column, MAX_COLUMN_CHARS), reason: clip(e.reason, MAX_REASON_CHARS) }));
    throw invalid(
      `Invalid call record: ${errors.map((e) => `${e.column}: ${e.reason}`).join('; ')}`,
      errors.map((e) => ({ path: e.column, column: e.column, message: e.reason }))
    );
  }
  if (v.contact && !ctx.contactCipher)
    throw invalid(`Invalid call record: ${NO_KEY.column}: ${NO_KEY.reason}`, [
      { path: NO_KEY.column, column: NO_KEY.column, message: NO_KEY.reason }
    ]);
  const tx = await ctx.db.$client.transaction('write');
  try {
    if (!maps.unrestricted && (await foreignExistingCalls(tx, p.tenantId, [v], maps.allowedProgramIds)).size) {
      throw forbidden('A call with this source and external_id belongs to a program you may not import into');
    }
    const r = await upsertCalls(tx, [v], now.getTime(), await currentMaxCallId(tx));
    await writeContacts(ctx, tx, [v]);
    const status = r.inserted ? 'created' : r.updated ? 'updated' : 'unchanged';
    const found = await tx.execute({
      sql: 'SELECT id FROM calls WHERE tenant_id = ? AND source = ? AND external_id = ?',
      args: [p.tenantId, v.source, v.externalId]
    });
    const callId = Number(found.rows[0]![0]);
    if (status !== 'unchanged') {
      await writeAudit(
        drizzleOver(tx),
        { principal: p, requestId: ctx.requestId },
        {
          action: `call.${status}`,
          objectType: 'call',
          objectId: callId,
          after: { source: v.source, externalId: v.externalId, via: 'webhook' }
        },
        now
      );
    }
    await tx.commit();
    return { status, callId, source: v.source, externalId: v.externalId };
  } finally {
    tx.close();
  }
}
