import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canCoach } from '../policy/coaching.ts';
import { authorOf } from '../evaluations/actor.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { itemsById } from './item-scores.ts';
import { loadAgentForCoaching } from './scope.ts';

export const IsoDay = z.iso.date('a date as YYYY-MM-DD');

export const CreateSessionInput = z.object({
  agentId: Id,
  heldOn: IsoDay,
  evaluationIds: z.array(Id).min(1, 'link at least one evaluation').max(20),
  focusItems: z
    .array(
      z.object({ itemId: z.string().min(1).max(64), text: plainText({ min: 3, minMessage: 'say what to do differently', max: 1000 }) })
    )
    .min(1, 'pick at least one behaviour to work on')
    .max(10),
  notes: plainText({ max: 10_000, multiline: true, trim: false }).default(''),
  actions: z
    .array(z.object({ text: plainText({ min: 3, max: 1000 }), owner: z.enum(['agent', 'coach']), dueOn: IsoDay }))
    .max(20)
    .default([]),
  followUpOn: IsoDay.optional()
});

/**
 * A coach records a coaching session with one of its agents: the evaluations it discussed, the
 * behaviours to work on (scorecard items of those evaluations), notes, agreed actions and a follow-up date.
 */
export async function createCoachingSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateSessionInput> }) {
  const data = parseInput(CreateSessionInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { scope } = await loadAgentForCoaching(tx, p, data.agentId);
    if (!canCoach(p, scope) || p.personId === data.agentId)
      throw forbidden("Only the agent's team lead, QA or an admin records a coaching session");
    const e = schema.evaluations;
    const evals = await tx
      .select({ id: e.id, versionId: e.scorecardVersionId, definition: schema.scorecardVersions.definition })
      .from(e)
      .innerJoin(schema.scorecardVersions, eq(schema.scorecardVersions.id, e.scorecardVersionId))
      .where(and(eq(e.tenantId, p.tenantId), eq(e.agentId, data.agentId), eq(e.status, 'submitted'), inArray(e.id, data.evaluationIds)));
    const details: { path: string; message: string }[] = [];
    data.evaluationIds.forEach((id, i) => {
      if (!evals.some((x) => x.id === id))
        details.push({ path: `evaluationIds.${i}`, message: `evaluation ${id} is not a submitted evaluation of this agent` });
    });
    const known = new Map<string, string>();
    for (const x of evals) for (const [id, item] of itemsById(x.definition as ScorecardDefinition)) known.set(id, item.text);
    const seen = new Set<string>();
    data.focusItems.forEach((fi, i) => {
      if (!known.has(fi.itemId))
        details.push({ path: `focusItems.${i}.itemId`, message: `item "${fi.itemId}" is not on the scorecard of the linked evaluations` });
      if (seen.has(fi.itemId)) details.push({ path: `focusItems.${i}.itemId`, message: `item "${fi.itemId}" is listed twice` });
      seen.add(fi.itemId);
    });
    if (data.followUpOn && data.followUpOn < data.heldOn)
      details.push({ path: 'followUpOn', message: 'the follow-up cannot be before the session' });
    if (details.length) throw invalid(`Cannot record the session: ${details.map((d) => d.message).join('; ')}`, details);
    const me = authorOf(p);
    const [session] = await tx
      .insert(schema.coachingSessions)
      .values({
        tenantId: p.tenantId,
        agentId: data.agentId,
        coachId: me.id,
        coachLabel: me.label,
        heldOn: data.heldOn,
        notes: data.notes,
        followUpOn: data.followUpOn ?? null,
        updatedAt: now
      })
      .returning();
    const sessionId = session!.id;
    await tx
      .insert(schema.coachingSessionEvaluations)
      .values([...new Set(data.evaluationIds)].map((evaluationId) => ({ sessionId, evaluationId })));
    await tx.insert(schema.coachingFocusItems).values(data.focusItems.map((fi) => ({ sessionId, itemId: fi.itemId, text: fi.text })));
    if (data.actions.length)
      await tx
        .insert(schema.coachingActions)
        .values(data.actions.map((a) => ({ tenantId: p.tenantId, sessionId, text: a.text, owner: a.owner, dueOn: a.dueOn })));
    await writeAudit(tx, ctx, { action: 'coaching_session.create', objectType: 'coaching_session', objectId: sessionId, after: data }, now);
    return { id: sessionId };
  });
}
