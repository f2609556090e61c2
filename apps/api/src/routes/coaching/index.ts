import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';
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
 * follow-ups, and self-evaluations. Chained, so the RPC type of every operation survives.
 */
export function coachingRoutes(deps: AppDeps) {
  return newRouter()
    .route('/', agentSummaryRoutes(deps))
    .route('/', evaluationFeedbackRoutes(deps))
    .route('/', openDisputeRoute(deps))
    .route('/', disputeRoutes(deps))
    .route('/', resolveDisputeRoute(deps))
    .route('/', coachingQueueRoute(deps))
    .route('/', sessionRoutes(deps))
    .route('/', confirmSessionRoute(deps))
    .route('/', followUpRoutes(deps))
    .route('/', selfEvaluationRoutes(deps))
    .route('/', selfEvaluationChangeRoutes(deps));
}
