import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { MatchMysteryCallInput } from '@attentive/shared/mystery-calls';
import { nowOf, type Ctx } from '../../context.ts';
import { conflict, invalid } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { agentsOfTenant } from './agents-of-tenant.ts';
import { loadForMatching } from './load-mystery-call.ts';

export const MatchAgentInput = z.object({ mysteryCallId: Id, match: MatchMysteryCallInput });

/**
 * Names the agent who took a mystery call: from an imported call record of the program (its agent, and
 * the record is kept) or an agent picked directly. The mystery evaluation then counts for that agent.
 * Re-matching is allowed; every match is audited with before and after.
 */
export async function matchAgent({ ctx, input }: { ctx: Ctx; input: z.input<typeof MatchAgentInput> }) {
  const { mysteryCallId, match } = parseInput(MatchAgentInput, input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const mc = await loadForMatching(tx, p, mysteryCallId);
    if (mc.evaluationId == null) throw conflict('Nobody answered this mystery call: there is no agent to match');
    let agentId: number;
    if (match.callId != null) {
      const [call] = await tx
        .select({ agentId: schema.calls.agentId, programId: schema.calls.programId })
        .from(schema.calls)
        .where(and(eq(schema.calls.id, match.callId), eq(schema.calls.tenantId, p.tenantId)));
      if (!call || call.programId !== mc.programId)
        throw invalid('Not a call of this program', [
          { path: 'match.callId', message: "not an imported call of the mystery call's program" }
        ]);
      agentId = call.agentId;
    } else {
      const [agent] = await agentsOfTenant(tx, p.tenantId, match.agentId!);
      if (!agent) throw invalid('Not an agent', [{ path: 'match.agentId', message: 'not an agent of this tenant' }]);
      agentId = agent.id;
    }
    const [evaluation] = await tx
      .select({ agentId: schema.evaluations.agentId, version: schema.evaluations.version })
      .from(schema.evaluations)
      .where(eq(schema.evaluations.id, mc.evaluationId));
    const before = { agentId: evaluation!.agentId, matchedCallId: mc.matchedCallId };
    const after = { agentId, matchedCallId: match.callId ?? null };
    if (before.agentId === after.agentId && before.matchedCallId === after.matchedCallId)
      throw invalid('Already matched so', [{ path: 'match', message: 'the call is already matched to this agent and record' }]);
    const now = nowOf(ctx);
    await tx
      .update(schema.evaluations)
      .set({ agentId, version: evaluation!.version + 1, updatedAt: now })
      .where(eq(schema.evaluations.id, mc.evaluationId));
    await tx
      .update(schema.mysteryCalls)
      .set({ matchedCallId: after.matchedCallId, matchedAt: now, matchedBy: p.label, updatedAt: now })
      .where(eq(schema.mysteryCalls.id, mc.id));
    await writeAudit(tx, ctx, { action: 'mystery_call.match', objectType: 'mystery_call', objectId: mc.id, before, after }, now);
    return { id: mc.id, evaluationId: mc.evaluationId, ...after };
  });
}
