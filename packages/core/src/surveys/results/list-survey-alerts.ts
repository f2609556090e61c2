import { and, count, desc, eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { SurveyAlertsQuery, type SurveyAlertList } from '@attentive/shared/survey-results';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { canHandleSurveyAlerts } from '../../policy/surveys.ts';
import { visibleAgents } from '../../coaching/scope.ts';

/**
 * The low-score alerts of the agents the reader coaches (coaching visibility: its teams' agents for a team
 * lead, everyone for admins and QA analysts): open ones first, newest first within, with the low answers and
 * their attribution, the customer's comment and the call. `status` narrows to open or handled.
 */
export async function listSurveyAlerts({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<SurveyAlertList> {
  const p = ctx.principal;
  if (!canHandleSurveyAlerts(p)) throw forbidden('Low-score alerts are for the agents’ coaches');
  const f = parseInput(SurveyAlertsQuery, input);
  const a = schema.surveyAlerts;
  const pe = schema.people;
  const r = schema.surveyResponses;
  const pr = schema.programs;
  const visible = and(eq(a.tenantId, p.tenantId), visibleAgents(p));
  const where = and(visible, f.status ? eq(a.status, f.status) : undefined);
  const [rows, totals] = await Promise.all([
    ctx.db
      .select({
        id: a.id,
        status: a.status,
        createdAt: a.createdAt,
        attribution: a.attribution,
        reasons: a.reasons,
        comment: r.comment,
        respondedAt: r.respondedAt,
        agent: { id: pe.id, code: pe.code, name: pe.name },
        program: { id: pr.id, code: pr.code, name: pr.name },
        callId: schema.calls.id,
        callStartedAt: schema.calls.startedAt,
        handledBy: a.handledBy,
        handledAt: a.handledAt,
        handledNote: a.handledNote
      })
      .from(a)
      .innerJoin(pe, eq(pe.id, a.agentId))
      .innerJoin(r, eq(r.id, a.responseId))
      .innerJoin(pr, eq(pr.id, a.programId))
      .innerJoin(schema.calls, eq(schema.calls.id, r.callId))
      .where(where)
      .orderBy(sql`case when ${a.status} = 'open' then 0 else 1 end`, desc(a.createdAt), desc(a.id))
      .limit(f.limit),
    ctx.db
      .select({ total: count(), open: sql<number>`coalesce(sum(case when ${a.status} = 'open' then 1 else 0 end), 0)` })
      .from(a)
      .innerJoin(pe, eq(pe.id, a.agentId))
      .where(visible)
  ]);
  return {
    alerts: rows.map((x) => ({
      id: x.id,
      status: x.status,
      createdAt: x.createdAt.toISOString(),
      attribution: x.attribution,
      reasons: x.reasons,
      comment: x.comment,
      agent: x.agent,
      program: x.program,
      call: { id: x.callId, startedAt: x.callStartedAt.toISOString() },
      respondedAt: x.respondedAt.toISOString(),
      handledBy: x.handledBy,
      handledAt: x.handledAt?.toISOString() ?? null,
      handledNote: x.handledNote
    })),
    open: Number(totals[0]?.open ?? 0),
    total: Number(totals[0]?.total ?? 0)
  };
}
