import { error, fail, redirect } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { AgentSummary } from '$lib/components/coaching/types';
import type { Feedback } from '$lib/components/coaching/feedback-types';
import type { Actions, PageServerLoad } from './$types';

/** Record a coaching session: the agent's recent evaluations to link and the scorecard's items to pick from. */
export const load: PageServerLoad = async (event) => {
  const agentId = Number(event.url.searchParams.get('agentId'));
  if (!Number.isInteger(agentId) || agentId < 1) error(400, 'Open this page from an agent (agentId missing)');
  const summary = await getJson<AgentSummary>(event, `/api/coaching/agents/${agentId}/summary?months=3`);
  const latest = summary.evaluations[0];
  const definition = latest ? (await getJson<Feedback>(event, `/api/coaching/evaluations/${latest.id}`)).scorecard.definition : null;
  return { summary, definition, today: new Date().toISOString().slice(0, 10) };
};

export const actions: Actions = {
  default: async ({ request, fetch, url }) => {
    const f = await request.formData();
    const rows = (prefix: string) => [0, 1, 2].map((i) => ({ a: String(f.get(`${prefix}${i}a`) ?? '').trim(), b: String(f.get(`${prefix}${i}b`) ?? '').trim(), c: String(f.get(`${prefix}${i}c`) ?? '').trim() }));
    const body = {
      agentId: Number(url.searchParams.get('agentId')),
      heldOn: String(f.get('heldOn')),
      evaluationIds: f.getAll('evaluationId').map(Number),
      focusItems: rows('focus').filter((r) => r.a).map((r) => ({ itemId: r.a, text: r.b })),
      notes: String(f.get('notes') ?? ''),
      actions: rows('action').filter((r) => r.a).map((r) => ({ text: r.a, owner: r.b || 'agent', dueOn: r.c })),
      followUpOn: String(f.get('followUpOn') ?? '') || undefined
    };
    const r = await sendJson<{ id: number }>(fetch, 'POST', '/api/coaching/sessions', body);
    if (!r.ok) return fail(r.status, { error: r.message });
    redirect(303, `/coaching/sessions/${r.data.id}`);
  }
};
