import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { HandleSurveyAlert } from '@attentive/shared/survey-results';
import { nowOf, type Ctx } from '../../context.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import type { Principal } from '../../policy/principal.ts';
import { canHandleSurveyAlert, canHandleSurveyAlerts } from '../../policy/surveys.ts';

/**
 * THE writer of alert handling (the team lead's service recovery): the API verb and the demo come here,
 * inside their transaction. Open → handled, once: the update is conditional on 'open', so of two leads
 * handling the same alert at once one wins and the other gets CONFLICT (nothing changes). Audited.
 */
export async function markSurveyAlertHandled(
  tx: DbOrTx,
  o: {
    alert: { id: number; tenantId: number };
    note: string;
    at: Date;
    who: { principal?: Principal; actor?: string; requestId?: string };
  }
) {
  const by = o.who.actor ?? o.who.principal?.label ?? 'unknown';
  const done = await tx
    .update(schema.surveyAlerts)
    .set({ status: 'handled', handledBy: by, handledAt: o.at, handledNote: o.note })
    .where(and(eq(schema.surveyAlerts.id, o.alert.id), eq(schema.surveyAlerts.status, 'open')))
    .returning({ id: schema.surveyAlerts.id });
  if (done.length === 0) throw conflict('This alert was already handled');
  await writeAudit(
    tx,
    { ...o.who, tenantId: o.alert.tenantId },
    {
      action: 'survey_alert.handle',
      objectType: 'survey_alert',
      objectId: o.alert.id,
      before: { status: 'open' },
      after: { status: 'handled', note: o.note }
    },
    o.at
  );
  return { id: o.alert.id, status: 'handled' as const, handledBy: by, handledAt: o.at.toISOString(), handledNote: o.note };
}

export const HandleAlertInput = HandleSurveyAlert.extend({ alertId: Id });

/**
 * A team lead (or admin, QA analyst) records what was done for the customer behind a low score. An alert about
 * an agent the principal does not coach does not exist for it (NOT_FOUND); handled already → CONFLICT.
 */
export async function handleSurveyAlert({ ctx, input }: { ctx: Ctx; input: z.input<typeof HandleAlertInput> }) {
  const p = ctx.principal;
  if (!canHandleSurveyAlerts(p)) throw forbidden('Low-score alerts are for the agents’ coaches');
  const data = parseInput(HandleAlertInput, input);
  const at = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [alert] = await tx
      .select({
        id: schema.surveyAlerts.id,
        tenantId: schema.surveyAlerts.tenantId,
        agentId: schema.surveyAlerts.agentId,
        teamId: schema.people.teamId
      })
      .from(schema.surveyAlerts)
      .innerJoin(schema.people, eq(schema.people.id, schema.surveyAlerts.agentId))
      .where(and(eq(schema.surveyAlerts.id, data.alertId), eq(schema.surveyAlerts.tenantId, p.tenantId)));
    if (!alert || !canHandleSurveyAlert(p, { tenantId: alert.tenantId, agentId: alert.agentId, agentTeamId: alert.teamId }))
      throw notFound(`Alert ${data.alertId}`);
    return markSurveyAlertHandled(tx, { alert, note: data.note, at, who: ctx });
  });
}
