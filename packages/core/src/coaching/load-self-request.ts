import { schema, type DbOrTx } from '@attentive/db';
import { conflict, forbidden } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import type { Principal } from '../policy/principal.ts';
import { canCoach, isAgentSelf } from '../policy/coaching.ts';
import { hiddenAsNotFound, loadAgentForCoaching } from './scope.ts';

/** A self-evaluation request the principal may see (the agent, its coaches); otherwise NOT_FOUND. */
export async function loadSelfRequest(tx: DbOrTx, p: Principal, requestId: number) {
  const what = `Self-evaluation request ${requestId}`;
  const request = await findInTenant(tx, schema.selfEvaluationRequests, p.tenantId, requestId, 'Self-evaluation request');
  const { agent, scope } = await hiddenAsNotFound(loadAgentForCoaching(tx, p, request.agentId), what);
  return { request, agent, scope };
}

// Who may act on a still-open request, and what each side is told when it is not open any more.
const OPEN_REQUEST_ACTORS = {
  coach: {
    may: canCoach,
    refusal: 'Only a coach of this agent withdraws its self-evaluation requests',
    submitted: 'The agent already submitted this self-evaluation; it can no longer be withdrawn',
    cancelled: 'This request was already withdrawn'
  },
  agent: {
    may: isAgentSelf,
    refusal: 'Only the agent fills in its self-evaluation',
    submitted: 'This self-evaluation is already submitted',
    cancelled: 'Your coach withdrew this self-evaluation request'
  }
} as const;

/**
 * A self-evaluation request that one side changes (the coach withdraws it, the agent fills it in):
 * visible, the principal is that side (else FORBIDDEN), and still open (else CONFLICT).
 */
export async function loadOpenSelfRequest(tx: DbOrTx, p: Principal, requestId: number, side: keyof typeof OPEN_REQUEST_ACTORS) {
  const loaded = await loadSelfRequest(tx, p, requestId);
  const actor = OPEN_REQUEST_ACTORS[side];
  if (!actor.may(p, loaded.scope)) throw forbidden(actor.refusal);
  const status = loaded.request.status;
  if (status !== 'open') throw conflict(status === 'cancelled' ? actor.cancelled : actor.submitted);
  return loaded;
}
