import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { canEvaluate } from '../policy/evaluations.ts';
import { canReadCall } from '../policy/calls.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorOf } from './actor.ts';
import { evaluationDto } from './dto.ts';
import { Id, parseInput } from './inputs.ts';
import { SCREEN_KINDS } from './kinds.ts';
import { loadAgentScope, loadCallWithScope } from './scope.ts';
import { currentScorecardVersion } from './score.ts';
import { cachedScoreOf } from './cached-score.ts';
import { refuseSecondCountingEvaluation } from './counting.ts';

export const StartEvaluationInput = z
  .object({
    callId: Id.optional(),
    /** Without a call (live monitoring, a mystery call not in the system): who and which program. */
    agentId: Id.optional(),
    programId: Id.optional(),
    kind: z.enum(SCREEN_KINDS).default('sampled')
  })
  .superRefine((v, c) => {
    if (v.callId == null && (v.agentId == null || v.programId == null))
      c.addIssue({
        code: 'custom',
        path: ['callId'],
        message: 'give a callId, or agentId and programId for an evaluation without a recording'
      });
    if (v.callId == null && v.kind === 'sampled')
      c.addIssue({ code: 'custom', path: ['kind'], message: 'an evaluation without a call must be "live"' });
  });

/**
 * Starts (or resumes) a draft evaluation of a call, or of an agent and program without a recording
 * (live monitoring). The scorecard version is fixed now: publishing a newer one never changes it.
 * Idempotent per evaluator, call and kind: opening the screen twice resumes the same draft. A call that
 * already has a submitted counting evaluation is refused (409 naming it): a call counts once.
 */
export async function startEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof StartEvaluationInput> }) {
  const data = parseInput(StartEvaluationInput, input);
  const p = ctx.principal;
  const me = authorOf(p);
  return ctx.db.transaction(async (tx) => {
    let scope;
    if (data.callId != null) {
      const loaded = await loadCallWithScope(tx, p.tenantId, data.callId);
      if (!canReadCall(p, loaded.scope)) throw notFound(`Call ${data.callId}`);
      if (data.agentId != null && data.agentId !== loaded.call.agentId)
        throw invalid('agentId does not match the call', [{ path: 'agentId', message: 'does not match the call' }]);
      scope = loaded.scope;
    } else {
      scope = (await loadAgentScope(tx, p.tenantId, data.agentId!, data.programId!)).scope;
    }
    if (!canEvaluate(p, scope)) throw forbidden('Only QA analysts, admins and the team lead of this agent may evaluate');

    if (data.callId != null) {
      const mine = me.id != null ? eq(schema.evaluations.evaluatorId, me.id) : eq(schema.evaluations.evaluatorLabel, me.label);
      const [existing] = await tx
        .select()
        .from(schema.evaluations)
        .where(
          and(
            eq(schema.evaluations.tenantId, p.tenantId),
            eq(schema.evaluations.callId, data.callId),
            eq(schema.evaluations.kind, data.kind),
            eq(schema.evaluations.status, 'draft'),
            mine
          )
        )
        .limit(1);
      if (existing) return { created: false, evaluation: evaluationDto(existing) };
      await refuseSecondCountingEvaluation(tx, { tenantId: p.tenantId, callId: data.callId, kind: data.kind });
    }

    const { version } = await currentScorecardVersion(tx, p.tenantId, scope.programId);
    const now = nowOf(ctx);
    const empty = cachedScoreOf(version.definition, {}).cached;
    const [row] = await tx
      .insert(schema.evaluations)
      .values({
        tenantId: p.tenantId,
        callId: data.callId ?? null,
        agentId: scope.agentId,
        programId: scope.programId,
        scorecardVersionId: version.id,
        evaluatorId: me.id,
        evaluatorLabel: me.label,
        kind: data.kind,
        status: 'draft',
        answers: {},
        ...empty,
        createdAt: now,
        updatedAt: now
      })
      .returning();
    const after = { callId: row!.callId, agentId: row!.agentId, kind: row!.kind, scorecardVersionId: version.id };
    await writeAudit(tx, ctx, { action: 'evaluation.start', objectType: 'evaluation', objectId: row!.id, after }, now);
    return { created: true, evaluation: evaluationDto(row!) };
  });
}
