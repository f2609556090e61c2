import type { EvaluationDetail } from '$lib/server/evaluations';
import type { Dispute } from './types';

/** GET /api/coaching/evaluations/:id: the evaluation detail plus the agent-side state. */
export type Feedback = EvaluationDetail & {
  acknowledgements: { revision: number; at: string }[];
  acknowledgedCurrent: string | null;
  disputes: Dispute[];
  disputedItemIds: string[];
  disputeWindow: { days: number; closesAt: string | null; open: boolean };
  canAcknowledge: boolean;
  canDispute: boolean;
  canResolve: boolean;
  viewerIsAgent: boolean;
};
