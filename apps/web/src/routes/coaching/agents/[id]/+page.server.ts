import { error, fail, redirect } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { AgentSummary } from '$lib/components/coaching/types';
import type { Actions, PageServerLoad } from './$types';

type CallRow = { id: number; startedAt: string; queue: { name: string } | null; talkSeconds: number; hasRecording: boolean; hasTranscript: boolean };
type SessionRow = { id: number; heldOn: string; followUpOn: string | null; followUpOverdue: boolean; closedAt: string | null; openActions: number };

/** An agent as its coach sees it: the same figures as the agent's home, plus sessions and self-evaluations. */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such agent');
  const [summary, sessions, calls] = await Promise.all([
    getJson<AgentSummary>(event, `/api/coaching/agents/${id}/summary?months=6`),
    getJson<{ items: SessionRow[] }>(event, `/api/coaching/sessions?agentId=${id}`),
    getJson<{ items: CallRow[] }>(event, `/api/calls?agent=${id}&limit=15`)
  ]);
  return { summary, sessions: sessions.items, calls: calls.items };
};

export const actions: Actions = {
  selfEvaluation: async ({ request, fetch }) => {
    const f = await request.formData();
    const r = await sendJson<{ id: number }>(fetch, 'POST', '/api/coaching/self-evaluations', { callId: Number(f.get('callId')), message: String(f.get('message') ?? '') || undefined });
    if (!r.ok) return fail(r.status, { error: r.message });
    redirect(303, `/coaching/self-evaluations/${r.data.id}`);
  }
};
