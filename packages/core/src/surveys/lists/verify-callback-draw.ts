import { and, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { CallbackDrawSnapshot, CallbackDrawVerification } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { DomainError, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { requireSurveyManager } from './plan-support.ts';
import { compareCallbackDraw, type WindowCall } from './verify-compute.ts';

export const VerifyCallbackDrawInput = z.object({ drawId: Id });

export const CALLBACK_DRAW_ALGORITHM =
  'window = calls started in [draw time − delayMaxHours, draw time − delayMinHours); left out, first reason counting: already drawn, opted out, no contact details for the channel, drawn within quietDays; population hash = sha256 of the sorted eligible call ids joined by "\\n"; rank = HMAC-SHA256(key = seed bytes, message = call id in decimal); the dailyCount lowest ranks, one call per customer';

/**
 * Recomputes a callback draw from its stored snapshot (rules, draw time, highest call id then, the excluded
 * ids by reason) and the program's calls in the window as they are now, and compares population hash and
 * size and the drawn calls and ranks (verify-compute.ts). Also confirms what can still be confirmed of the
 * exclusions: an opted-out customer's opt-out predates the draw, an already-drawn call has an item of an
 * earlier list. A draw stored without a snapshot cannot be recomputed: PRECONDITION_FAILED.
 */
export async function verifyCallbackDraw({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof VerifyCallbackDrawInput>;
}): Promise<CallbackDrawVerification> {
  requireSurveyManager(ctx);
  const { drawId } = parseInput(VerifyCallbackDrawInput, input);
  const started = performance.now();
  const d = schema.callbackDraws;
  const [draw] = await ctx.db
    .select()
    .from(d)
    .where(and(eq(d.id, drawId), eq(d.tenantId, ctx.principal.tenantId)))
    .limit(1);
  if (!draw) throw notFound(`Callback draw ${drawId}`);
  const snapshot = draw.snapshot;
  if (!snapshot)
    throw new DomainError('PRECONDITION_FAILED', `Callback draw ${drawId} was stored without its snapshot: it cannot be recomputed`);
  const calls = await windowCalls(ctx.db, draw, snapshot);
  const items = await ctx.db
    .select({ id: schema.callbackItems.id, callId: schema.callbackItems.callId, rank: schema.callbackItems.rank })
    .from(schema.callbackItems)
    .where(eq(schema.callbackItems.drawId, draw.id));
  const cmp = compareCallbackDraw({ seed: draw.seed, snapshot, stored: draw, calls, items });
  const reasons = await confirmReasons(ctx.db, draw.id, snapshot);
  const checks = [
    ...cmp.checks,
    { name: 'reasons', ok: reasons.length === 0, detail: reasons.length ? reasons.slice(0, 5).join('; ') : reasonsOk(snapshot) }
  ];
  return {
    drawId: draw.id,
    ok: cmp.ok && reasons.length === 0,
    firstDifference: cmp.firstDifference ?? reasons[0] ?? null,
    checks,
    algorithm: CALLBACK_DRAW_ALGORITHM,
    stored: { populationHash: draw.populationHash, populationSize: draw.populationSize, selected: items.length },
    recomputed: cmp.recomputed,
    ms: Math.round(performance.now() - started)
  };
}

/** The program's calls in the draw's window that existed at the draw, each with its customer's contact row id. */
async function windowCalls(db: DbOrTx, draw: typeof schema.callbackDraws.$inferSelect, snap: CallbackDrawSnapshot): Promise<WindowCall[]> {
  const c = schema.calls;
  const k = schema.customerContacts;
  return db
    .select({ callId: c.id, agentId: c.agentId, contactId: k.id })
    .from(c)
    .leftJoin(k, and(eq(k.tenantId, c.tenantId), eq(k.customerRef, c.customerRef)))
    .where(
      and(
        eq(c.tenantId, draw.tenantId),
        eq(c.programId, draw.programId),
        gte(c.startedAt, draw.windowStart),
        lt(c.startedAt, draw.windowEnd),
        lte(c.id, snap.maxCallId)
      )
    );
}

/** What of the recorded reasons can be confirmed now (opt-outs are kept, items are kept); the problems found. */
async function confirmReasons(db: DbOrTx, drawId: number, snap: CallbackDrawSnapshot): Promise<string[]> {
  const out: string[] = [];
  const optedOut = snap.excludedIds.optedOut ?? [];
  for (let i = 0; i < optedOut.length; i += 500) {
    const chunk = optedOut.slice(i, i + 500);
    const rows = await db
      .select({ callId: schema.calls.id, optedOutAt: schema.customerContacts.optedOutAt })
      .from(schema.calls)
      .innerJoin(
        schema.customerContacts,
        and(eq(schema.customerContacts.tenantId, schema.calls.tenantId), eq(schema.customerContacts.customerRef, schema.calls.customerRef))
      )
      .where(inArray(schema.calls.id, chunk));
    const ok = new Set(rows.filter((r) => r.optedOutAt != null && r.optedOutAt.getTime() <= snap.at).map((r) => r.callId));
    for (const id of chunk)
      if (!ok.has(id)) out.push(`call ${id} is excluded as opted out, but its customer had not opted out at the draw`);
  }
  const drawn = snap.excludedIds.alreadyDrawn ?? [];
  for (let i = 0; i < drawn.length; i += 500) {
    const chunk = drawn.slice(i, i + 500);
    const rows = await db
      .select({ callId: schema.callbackItems.callId })
      .from(schema.callbackItems)
      .where(and(inArray(schema.callbackItems.callId, chunk), ne(schema.callbackItems.drawId, drawId)));
    const ok = new Set(rows.map((r) => r.callId));
    for (const id of chunk) if (!ok.has(id)) out.push(`call ${id} is excluded as already drawn, but no other list holds it`);
  }
  return out;
}

const reasonsOk = (s: CallbackDrawSnapshot) =>
  `${s.excludedIds.optedOut?.length ?? 0} opt-out(s) and ${s.excludedIds.alreadyDrawn?.length ?? 0} earlier draw(s) confirmed; no contact and recently surveyed are taken from the snapshot (details may be erased since)`;
