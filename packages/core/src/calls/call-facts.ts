import type { schema } from '@attentive/db';
import type { CallFacts } from '@attentive/shared/contract';

type Named = { id: number; code: string; name: string };
const ref = (r: Named) => ({ id: r.id, code: r.code, name: r.name });

/**
 * The facts every view of a call shows (CallFacts of @attentive/shared: the call detail, the call list
 * and the evaluation screens), from a call row and the records it points to.
 */
export function callFacts(
  call: typeof schema.calls.$inferSelect,
  of: { team: Named | null; program: Named; client: Named; queue: Named | null }
): CallFacts {
  return {
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    direction: call.direction,
    team: of.team && ref(of.team),
    program: ref(of.program),
    client: ref(of.client),
    queue: of.queue && ref(of.queue),
    answerSeconds: call.answerSeconds,
    talkSeconds: call.talkSeconds,
    holdSeconds: call.holdSeconds,
    transfers: call.transfers,
    disposition: call.disposition,
    language: call.language,
    hasRecording: call.recordingPath != null
  };
}
