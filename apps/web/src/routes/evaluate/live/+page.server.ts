import { fail, redirect } from '@sveltejs/kit';
import { errorMessage } from '$lib/api';
import { getJson } from '$lib/server/evaluations';
import type { Actions, PageServerLoad } from './$types';

type Ref = { id: number; name: string };
type Filters = { programs: (Ref & { clientId: number })[]; teams: Ref[]; agents: (Ref & { teamId: number | null })[] };

/** Live monitoring: side-by-side listening, scored like any evaluation but with no recording. */
export const load: PageServerLoad = async (event) => {
  const f = await getJson<Filters>(event, '/api/calls/filters');
  return { programs: f.programs, teams: f.teams, agents: f.agents };
};

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const agentId = Number(form.get('agentId'));
    const programId = Number(form.get('programId'));
    const kind = form.get('kind') === 'mystery' ? 'mystery' : 'live';
    if (!agentId || !programId) return fail(400, { message: 'Choose the agent and the program.' });
    const res = await fetch('/api/evaluations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId, programId, kind }) });
    if (!res.ok) return fail(res.status, { message: await errorMessage(res) });
    const { evaluation } = (await res.json()) as { evaluation: { id: number } };
    redirect(303, `/evaluations/${evaluation.id}`);
  }
};
