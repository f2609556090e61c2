import { error, fail } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { ScorecardDefinition, Turn } from '$lib/components/evaluation/types';
import type { Actions, PageServerLoad } from './$types';

export type SelfView = {
  request: { id: number; callId: number; agentId: number; agentName: string; status: string; message: string | null; requestedByLabel: string; requestedAt: string; submittedAt: string | null };
  scorecard: { versionId: number; definition: ScorecardDefinition };
  self: { evaluationId: number; status: string; answers: Record<string, string | number>; overallScore: number | null } | null;
  lead: { evaluationId: number; evaluatorLabel: string; overallScore: number | null; answers: Record<string, string | number> } | null;
  comparison: {
    rows: { itemId: string; text: string; sectionTitle: string; dimension: string; self: string | number | null; lead: string | number | null; selfPoints: number | null; leadPoints: number | null; gap: number | null }[];
    summary: { items: number; compared: number; sameAnswer: number; meanAbsGap: number | null; selfHigher: number; selfLower: number };
  } | null;
  leadHidden: boolean;
  canFill: boolean;
  viewerIsAgent: boolean;
  transcript: Turn[];
  call: { id: number; startedAt: string; hasRecording: boolean } | null;
};

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such self-evaluation');
  return { view: await getJson<SelfView>(event, `/api/coaching/self-evaluations/${id}`) };
};

export const actions: Actions = {
  save: async ({ params, request, fetch }) => {
    const f = await request.formData();
    const answers: Record<string, string | number | null> = {};
    for (const [k, v] of f.entries()) if (k.startsWith('a:')) answers[k.slice(2)] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(String(v)) ? Number(v) : String(v);
    const r = await sendJson(fetch, 'PUT', `/api/coaching/self-evaluations/${Number(params.id)}`, { answers, submit: f.get('submit') === 'true' });
    return r.ok ? { ok: true } : fail(r.status, { error: r.message });
  },
  /** A coach withdraws the open request. */
  cancel: async ({ params, fetch }) => {
    const r = await sendJson(fetch, 'POST', `/api/coaching/self-evaluations/${Number(params.id)}/cancel`, {});
    return r.ok ? { ok: true } : fail(r.status, { error: r.message });
  }
};
