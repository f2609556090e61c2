import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { agentSummaryRoutes } from './summary.ts';
import { evaluationFeedbackRoutes } from './feedback.ts';
import { openDisputeRoute } from './open-dispute.ts';
import { disputeRoutes } from './disputes.ts';
import { resolveDisputeRoute } from './resolve-dispute.ts';
import { coachingQueueRoute } from './queue.ts';
import { sessionRoutes } from './sessions.ts';
import { confirmSessionRoute } from './confirm-session.ts';
import { followUpRoutes } from './follow-ups.ts';
import { selfEvaluationRoutes } from './self-evaluations.ts';
import { selfEvaluationChangeRoutes } from './self-evaluation-changes.ts';

/**
 * Coaching: what an agent reads (summary, feedback), disputes, the coaching queue, sessions with their
 * follow-ups, and self-evaluations. Mounted together (mountAll), so the RPC type of every operation survives.
 */
export function coachingRoutes(deps: AppDeps) {
  return mountAll(
    deps,
    agentSummaryRoutes,
    evaluationFeedbackRoutes,
    openDisputeRoute,
    disputeRoutes,
    resolveDisputeRoute,
    coachingQueueRoute,
    sessionRoutes,
    confirmSessionRoute,
    followUpRoutes,
    selfEvaluationRoutes,
    selfEvaluationChangeRoutes
  );
}
