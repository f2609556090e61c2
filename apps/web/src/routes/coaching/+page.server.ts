import { requireCan } from '$lib/server/guard';
import { getJson } from '$lib/server/evaluations';
import type { QueueEntry } from '$lib/components/coaching/types';
import type { PageServerLoad } from './$types';

type DisputeRow = { id: number; evaluationId: number; agentId: number; agentName: string; teamName: string | null; status: string; openedAt: string; ageDays: number; itemIds: string[]; itemTexts: string[]; overallScore: number | null };
type SessionRow = { id: number; agentId: number; agentName: string; coachLabel: string; heldOn: string; followUpOn: string | null; followUpOverdue: boolean; agentConfirmedAt: string | null; closedAt: string | null; openActions: number };
type SelfRow = { id: number; callId: number; agentId: number; agentName: string; status: string; requestedByLabel: string; requestedAt: string; submittedAt: string | null };

/** The lead's coaching desk: who needs attention first, open disputes, sessions and self-evaluations. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'coach');
  const [queue, disputes, sessions, selfEvals] = await Promise.all([
    getJson<{ days: number; items: QueueEntry[] }>(event, '/api/coaching/queue'),
    getJson<{ items: DisputeRow[] }>(event, '/api/coaching/disputes?status=open'),
    getJson<{ items: SessionRow[] }>(event, '/api/coaching/sessions?open=true'),
    getJson<{ items: SelfRow[] }>(event, '/api/coaching/self-evaluations')
  ]);
  return { queue, disputes: disputes.items, sessions: sessions.items, selfEvals: selfEvals.items };
};
