import { error, fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** An agent as its coach sees it: the same figures as the agent's home, plus sessions and self-evaluations. */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.error_NOT_FOUND());
  const c = api(event).api;
  const [summary, sessions, calls] = await Promise.all([
    read(event, c.coaching.agents[':id'].summary.$get({ param: { id: String(id) }, query: { months: '6' } })),
    read(event, c.coaching.sessions.$get({ query: { agentId: String(id) } })),
    read(event, c.calls.$get({ query: { agent: String(id), limit: '15' } }))
  ]);
  return { summary, sessions: sessions.items, calls: calls.items };
};

export const actions: Actions = {
  selfEvaluation: async (event) => {
    const f = await event.request.formData();
    const r = await send(
      api(event).api.coaching['self-evaluations'].$post({
        json: { callId: Number(f.get('callId')), message: String(f.get('message') ?? '') || undefined }
      })
    );
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r) });
    redirect(303, `/coaching/self-evaluations/${r.data.id}`);
  }
};
