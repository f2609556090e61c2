import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { DrawCallbackListInput, type CallbackDrawSnapshot } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, DomainError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { computeCallbackDraw } from './draw-compute.ts';
import { drawDayAndTime } from './draw-day.ts';
import { loadCallbackCandidates, maxCallIdOf } from './load-candidates.ts';
import { loadSurveyProgram, planOfProgram, requireSurveyManager, templatesOfProgram } from './plan-support.ts';

const preconditionFailed = (message: string) => new DomainError('PRECONDITION_FAILED', message);

export type CallbackDrawOutcome = {
  drawId: number;
  day: string;
  populationSize: number;
  selected: number;
  excluded: Record<string, number>;
  /** True when the day was drawn already and `existing: 'return'` asked for that draw. */
  existed: boolean;
};

/** The draw of a plan for a day, if made. */
export async function drawOfDay(tx: DbOrTx, planId: number, day: string) {
  const [row] = await tx
    .select({
      id: schema.callbackDraws.id,
      populationSize: schema.callbackDraws.populationSize,
      selectedCount: schema.callbackDraws.selectedCount,
      excluded: schema.callbackDraws.excluded
    })
    .from(schema.callbackDraws)
    .where(and(eq(schema.callbackDraws.planId, planId), eq(schema.callbackDraws.day, day)))
    .limit(1);
  return row ?? null;
}

/**
 * Draws a program's callback list of a day (today by default) with its plan's rules: the program's calls
 * started between delayMaxHours and delayMinHours before the draw, less those already drawn, whose customer
 * opted out, has no contact details for the channel, or was drawn within quietDays; from the rest, one call
 * per customer, the lowest HMAC ranks under a fresh random seed (call sampling's draw). Draw, items (open,
 * callable at once) and the audit row are one transaction; the snapshot stored with the draw is what
 * verifying recomputes from. A day is drawn once: again is a CONFLICT, or — for the scheduler, `existing:
 * 'return'` — the draw already made. An empty population is stored too: the day was drawn, nobody to ask.
 */
export async function drawCallbackList({
  ctx,
  input,
  trigger = 'manual',
  existing = 'conflict'
}: {
  ctx: Ctx;
  input: z.input<typeof DrawCallbackListInput>;
  trigger?: 'manual' | 'schedule';
  existing?: 'conflict' | 'return';
}): Promise<CallbackDrawOutcome> {
  requireSurveyManager(ctx);
  const data = parseInput(DrawCallbackListInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const tz = await tenantTimeZone(ctx);
  const { day, at } = drawDayAndTime(tz, now, data.day);
  return ctx.db.transaction(async (tx) => {
    const program = await loadSurveyProgram(tx, p.tenantId, data.programId);
    const plan = await planOfProgram(tx, p.tenantId, program.id);
    if (!plan) throw preconditionFailed(`${program.name} has no callback plan: set one up first`);
    const made = await drawOfDay(tx, plan.id, day);
    if (made) {
      if (existing === 'return')
        return {
          drawId: made.id,
          day,
          populationSize: made.populationSize,
          selected: made.selectedCount,
          excluded: made.excluded,
          existed: true
        };
      throw conflict(`The callback list of ${program.name} for ${day} was already drawn (draw ${made.id}); a day is drawn once`);
    }
    if (!plan.active) throw preconditionFailed(`The callback plan of ${program.name} is paused: activate it to draw lists`);
    const template = (await templatesOfProgram(tx, p.tenantId, program.id)).find((t) => t.id === plan.templateId);
    if (!template || template.retired) throw preconditionFailed(`The plan's survey template is retired: choose another one in the plan`);

    const maxCallId = await maxCallIdOf(tx);
    const rules = {
      channel: plan.channel,
      dailyCount: plan.dailyCount,
      delayMinHours: plan.delayMinHours,
      delayMaxHours: plan.delayMaxHours,
      quietDays: plan.quietDays
    };
    const window = { start: at.getTime() - rules.delayMaxHours * 3_600_000, end: at.getTime() - rules.delayMinHours * 3_600_000 };
    const calls = await loadCallbackCandidates(tx, { tenantId: p.tenantId, programId: program.id, ...window, maxCallId });
    const seed = randomBytes(32).toString('hex');
    const drawn = computeCallbackDraw({ seed, at: at.getTime(), rules, calls });
    const snapshot: CallbackDrawSnapshot = { v: 1, at: at.getTime(), rules, maxCallId, excludedIds: drawn.excludedIds };
    const [draw] = await tx
      .insert(schema.callbackDraws)
      .values({
        tenantId: p.tenantId,
        planId: plan.id,
        programId: program.id,
        templateVersionId: template.versionId,
        day,
        windowStart: new Date(drawn.window.start),
        windowEnd: new Date(drawn.window.end),
        seed,
        populationHash: drawn.populationHash,
        populationSize: drawn.population.length,
        excluded: drawn.excluded,
        selectedCount: drawn.items.length,
        snapshot,
        trigger,
        requestedBy: p.label,
        createdAt: at
      })
      .returning({ id: schema.callbackDraws.id });
    for (let i = 0; i < drawn.items.length; i += 200)
      await tx.insert(schema.callbackItems).values(
        drawn.items.slice(i, i + 200).map((it) => ({
          tenantId: p.tenantId,
          drawId: draw!.id,
          programId: program.id,
          callId: it.callId,
          agentId: it.agentId,
          contactId: it.contactId,
          rank: it.rank,
          channel: plan.channel,
          nextAttemptAt: at,
          createdAt: at
        }))
      );
    await writeAudit(
      tx,
      ctx,
      {
        action: 'callback_draw.create',
        objectType: 'callback_draw',
        objectId: draw!.id,
        after: {
          programId: program.id,
          day,
          trigger,
          populationHash: drawn.populationHash,
          populationSize: drawn.population.length,
          selected: drawn.items.length,
          excluded: drawn.excluded
        }
      },
      now
    );
    return {
      drawId: draw!.id,
      day,
      populationSize: drawn.population.length,
      selected: drawn.items.length,
      excluded: drawn.excluded,
      existed: false
    };
  });
}
