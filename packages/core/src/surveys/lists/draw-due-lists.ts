import { Cron } from 'croner';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { DEFAULT_TIME_ZONE } from '@attentive/shared/settings';
import { DomainError } from '../../errors.ts';
import { systemPrincipal } from '../../policy/principal.ts';
import { localDate, localTime } from '../../sampling/period.ts';
import { drawCallbackList } from './draw-callback-list.ts';
import { DRAW_HOUR } from './draw-day.ts';

export type CallbackListLog = (level: 'info' | 'warn' | 'error', message: string) => void;
export type DueListResult = {
  planId: number;
  day: string;
  outcome: 'drawn' | 'exists' | 'skipped' | 'not_yet';
  drawId?: number;
  message?: string;
};

/**
 * Draws today's list of every active callback plan once it is DRAW_HOUR (06:00) or later in the tenant's
 * time zone. A day is drawn once (unique plan/day, `existing: 'return'`), so calling this every hour, at
 * start-up, or from two processes never makes a second list; a day missed while the server was down is not
 * made up later (its calls are in the next days' windows), a manager can still draw it by hand.
 */
export async function drawDueCallbackLists({
  db,
  now = new Date(),
  log = () => {}
}: {
  db: Db;
  now?: Date;
  log?: CallbackListLog;
}): Promise<DueListResult[]> {
  const plans = await db
    .select({
      id: schema.callbackPlans.id,
      tenantId: schema.callbackPlans.tenantId,
      programId: schema.callbackPlans.programId,
      timeZone: schema.tenants.timeZone
    })
    .from(schema.callbackPlans)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.callbackPlans.tenantId))
    .where(eq(schema.callbackPlans.active, true));
  const out: DueListResult[] = [];
  for (const plan of plans) {
    const tz = plan.timeZone || DEFAULT_TIME_ZONE;
    const day = localDate(tz, now);
    if (localTime(tz)(now.getTime()).hour < DRAW_HOUR) {
      out.push({ planId: plan.id, day, outcome: 'not_yet' });
      continue;
    }
    try {
      const ctx = { db, principal: systemPrincipal(plan.tenantId, 'scheduler'), now: () => now };
      const r = await drawCallbackList({ ctx, input: { programId: plan.programId }, trigger: 'schedule', existing: 'return' });
      if (!r.existed)
        log('info', `surveys: plan ${plan.id} drew ${r.selected} of ${r.populationSize} call(s) for ${day} (draw ${r.drawId})`);
      out.push({ planId: plan.id, day, outcome: r.existed ? 'exists' : 'drawn', drawId: r.drawId });
    } catch (e) {
      // Another process drew the day meanwhile (unique plan/day), or the plan cannot draw (retired template): reported, not retried in a loop.
      const message = e instanceof DomainError ? e.message : String(e);
      const raced = /UNIQUE constraint failed: callback_draws/.test(String((e as { cause?: unknown }).cause ?? message));
      if (raced) out.push({ planId: plan.id, day, outcome: 'exists' });
      else {
        log(e instanceof DomainError ? 'warn' : 'error', `surveys: plan ${plan.id} drew no list for ${day}: ${message}`);
        out.push({ planId: plan.id, day, outcome: 'skipped', message });
      }
    }
  }
  return out;
}

export type CallbackListJob = { stop: () => void; ready: Promise<DueListResult[]> };

/**
 * Checks at start-up and then every hour (at minute 3) for plans whose day has reached DRAW_HOUR: tenants
 * have their own zones, so an hourly check is simpler and as timely as one cron job per zone.
 */
export function startCallbackListJob({
  db,
  log,
  pattern = '3 * * * *'
}: {
  db: Db;
  log: CallbackListLog;
  pattern?: string;
}): CallbackListJob {
  const tick = () =>
    drawDueCallbackLists({ db, log }).catch((e) => (log('error', `surveys: drawing callback lists failed: ${String(e)}`), []));
  const ready = tick();
  const cron = new Cron(pattern, { protect: true, unref: true, name: 'callback-lists' }, async () => {
    await tick();
  });
  return { stop: () => cron.stop(), ready };
}
