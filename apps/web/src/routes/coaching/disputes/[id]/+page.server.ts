import { error, fail, redirect } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { Dispute } from '$lib/components/coaching/types';
import type { ScorecardDefinition } from '$lib/components/evaluation/types';
import type { Actions, PageServerLoad } from './$types';

type DisputeView = {
  dispute: Dispute;
  agentName: string;
  evaluation: { id: number; revision: number; overallScore: number | null; answers: Record<string, string | number>; callId: number | null };
  scorecard: { versionId: number; definition: ScorecardDefinition };
  canResolve: boolean;
};

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such dispute');
  return { view: await getJson<DisputeView>(event, `/api/coaching/disputes/${id}`) };
};

export const actions: Actions = {
  default: async ({ params, request, fetch }) => {
    const f = await request.formData();
    const ids = f.getAll('itemId').map(String);
    const missing = ids.filter((i) => !f.get(`outcome:${i}`));
    if (missing.length) return fail(400, { error: `Decide every item: ${missing.join(', ')}` });
    const items = ids.map((itemId) => {
      const outcome = String(f.get(`outcome:${itemId}`)) as 'accepted' | 'rejected';
      const raw = String(f.get(`answer:${itemId}`) ?? '');
      return { itemId, outcome, ...(outcome === 'accepted' && raw ? { answer: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw } : {}) };
    });
    const r = await sendJson<{ evaluationId: number }>(fetch, 'POST', `/api/coaching/disputes/${Number(params.id)}/resolve`, { reason: String(f.get('reason') ?? ''), items });
    if (!r.ok) return fail(r.status, { error: r.message });
    redirect(303, `/coaching/disputes/${Number(params.id)}?resolved=1`);
  }
};
