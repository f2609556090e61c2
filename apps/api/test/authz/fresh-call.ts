import { schema } from '@attentive/db';
import type { Target, World } from './world.ts';

/**
 * A new inbound call of agent a1 in the target's tenant: a call counts once toward its agent, and
 * self-evaluation requests are one per call, so cells that score or request need their own call.
 */
export async function freshCall(w: World, t: Target, tag: string) {
  const o = t === 'own' ? w.a : w.b;
  const [c] = await w.db
    .insert(schema.calls)
    .values({
      tenantId: o.tenantId,
      source: 'matrix',
      externalId: `${tag}-${w.uniq()}`,
      programId: o.programs.a.id,
      queueId: o.queues.a.id,
      agentId: o.agents.a1.id,
      direction: 'inbound',
      startedAt: new Date(),
      answerSeconds: 5,
      talkSeconds: 100,
      holdSeconds: 0,
      transfers: 0
    })
    .returning();
  return c!;
}
