import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { canCoach, isAgentSelf } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { countsTowardAgentSql } from '../evaluations/counting.ts';
import { itemEstimates } from './item-scores.ts';
import { loadSessionForCoaching } from './load-session.ts';
import { notHiddenBySelfEvaluation } from './scope.ts';

export const GetSessionInput = z.object({ sessionId: Id });

/**
 * A coaching session with its focus items, actions and follow-ups, and per focus item the agent's
 * score before (the linked evaluations) and after (evaluations submitted since the session), each with n
 * and a 95% interval: what the follow-up discusses.
 */
export async function getCoachingSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetSessionInput> }) {
  const { sessionId } = parseInput(GetSessionInput, input);
  const p = ctx.principal;
  const { session, agent, scope } = await loadSessionForCoaching(ctx.db, p, sessionId);
  const e = schema.evaluations;
  const [links, focus, actions, followUps] = await Promise.all([
    ctx.db
      .select({ evaluationId: schema.coachingSessionEvaluations.evaluationId })
      .from(schema.coachingSessionEvaluations)
      .where(eq(schema.coachingSessionEvaluations.sessionId, session.id)),
    ctx.db
      .select()
      .from(schema.coachingFocusItems)
      .where(eq(schema.coachingFocusItems.sessionId, session.id))
      .orderBy(asc(schema.coachingFocusItems.id)),
    ctx.db
      .select()
      .from(schema.coachingActions)
      .where(eq(schema.coachingActions.sessionId, session.id))
      .orderBy(asc(schema.coachingActions.dueOn), asc(schema.coachingActions.id)),
    ctx.db
      .select()
      .from(schema.coachingFollowUps)
      .where(eq(schema.coachingFollowUps.sessionId, session.id))
      .orderBy(asc(schema.coachingFollowUps.at))
  ]);
  const linkedIds = links.map((l) => l.evaluationId);
  const cols = {
    id: e.id,
    submittedAt: e.submittedAt,
    overallScore: e.overallScore,
    answers: e.answers,
    definition: schema.scorecardVersions.definition,
    callId: e.callId,
    kind: e.kind
  };
  const sessionStart = new Date(`${session.heldOn}T23:59:59.999Z`);
  const [linked, later] = await Promise.all([
    linkedIds.length
      ? ctx.db
          .select(cols)
          .from(e)
          .innerJoin(schema.scorecardVersions, eq(schema.scorecardVersions.id, e.scorecardVersionId))
          .where(inArray(e.id, linkedIds))
          .orderBy(asc(e.submittedAt))
      : Promise.resolve([]),
    ctx.db
      .select(cols)
      .from(e)
      .innerJoin(schema.scorecardVersions, eq(schema.scorecardVersions.id, e.scorecardVersionId))
      .where(
        and(
          eq(e.agentId, session.agentId),
          countsTowardAgentSql(),
          gt(e.submittedAt, sessionStart),
          isAgentSelf(p, scope) ? notHiddenBySelfEvaluation() : undefined
        )
      )
      .orderBy(asc(e.submittedAt))
  ]);
  const only = new Set(focus.map((f) => f.itemId));
  const asScored = (rows: typeof linked) =>
    rows.map((r) => ({ answers: r.answers as Record<string, unknown>, definition: r.definition as ScorecardDefinition }));
  const before = new Map(itemEstimates(asScored(linked), only).map((x) => [x.itemId, x]));
  const after = new Map(itemEstimates(asScored(later), only).map((x) => [x.itemId, x]));
  return {
    session: {
      id: session.id,
      agentId: session.agentId,
      agentName: agent.name,
      coachLabel: session.coachLabel,
      heldOn: session.heldOn,
      notes: session.notes,
      followUpOn: session.followUpOn,
      agentConfirmedAt: session.agentConfirmedAt?.toISOString() ?? null,
      closedAt: session.closedAt?.toISOString() ?? null
    },
    evaluations: linked.map((x) => ({ id: x.id, submittedAt: x.submittedAt?.toISOString() ?? null, overallScore: x.overallScore })),
    focusItems: focus.map((f) => {
      const b = before.get(f.itemId);
      const a = after.get(f.itemId);
      const none = { n: 0, estimate: null, low: null, high: null };
      return {
        itemId: f.itemId,
        itemText: b?.text ?? a?.text ?? f.itemId,
        text: f.text,
        before: b?.estimate ?? none,
        after: a?.estimate ?? none
      };
    }),
    laterEvaluations: later.map((x) => ({ id: x.id, submittedAt: x.submittedAt?.toISOString() ?? null, overallScore: x.overallScore })),
    actions: actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueOn: a.dueOn, doneAt: a.doneAt?.toISOString() ?? null })),
    followUps: followUps.map((f) => ({ id: f.id, progress: f.progress, note: f.note, authorLabel: f.authorLabel, at: f.at.toISOString() })),
    viewerIsAgent: isAgentSelf(p, scope),
    canConfirm: isAgentSelf(p, scope) && !session.agentConfirmedAt,
    canFollowUp: canCoach(p, scope) && p.personId !== session.agentId && !session.closedAt
  };
}
