import { error, fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { InferRequestType, Client } from '$lib/api/client';
import type { Feedback } from '$lib/api/types';
import { todayIn } from '$lib/format/calendar';
import { DEFAULT_TIME_ZONE } from '@attentive/shared/settings';
import type { Actions, PageServerLoad } from './$types';

/** A form value the API checks (an unknown owner is its 400). */
type Owner = NonNullable<InferRequestType<Client['api']['coaching']['sessions']['$post']>['json']['actions']>[number]['owner'];

/** Record a coaching session: the agent's recent evaluations to link and the scorecard's items to pick from. */
export const load: PageServerLoad = async (event) => {
  const agentId = Number(event.url.searchParams.get('agentId'));
  if (!Number.isInteger(agentId) || agentId < 1) error(400, m.coaching_new_no_agent());
  const summary = await read(
    event,
    api(event).api.coaching.agents[':id'].summary.$get({ param: { id: String(agentId) }, query: { months: '3' } })
  );
  const latest = summary.evaluations[0];
  const definition = latest
    ? ((await read(event, api(event).api.coaching.evaluations[':id'].$get({ param: { id: String(latest.id) } }))) as Feedback).scorecard
        .definition
    : null;
  // "Today" on the contact center's clock (the tenant's zone), not the server's UTC date.
  return { summary, definition, today: todayIn(event.locals.me?.timeZone ?? DEFAULT_TIME_ZONE) };
};

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const rows = (prefix: string) =>
      [0, 1, 2].map((i) => ({
        a: String(f.get(`${prefix}${i}a`) ?? '').trim(),
        b: String(f.get(`${prefix}${i}b`) ?? '').trim(),
        c: String(f.get(`${prefix}${i}c`) ?? '').trim()
      }));
    const body = {
      agentId: Number(event.url.searchParams.get('agentId')),
      heldOn: String(f.get('heldOn')),
      evaluationIds: f.getAll('evaluationId').map(Number),
      focusItems: rows('focus')
        .filter((r) => r.a)
        .map((r) => ({ itemId: r.a, text: r.b })),
      notes: String(f.get('notes') ?? ''),
      actions: rows('action')
        .filter((r) => r.a)
        .map((r) => ({ text: r.a, owner: (r.b || 'agent') as Owner, dueOn: r.c })),
      followUpOn: String(f.get('followUpOn') ?? '') || undefined
    };
    const r = await send(api(event).api.coaching.sessions.$post({ json: body }));
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r) });
    redirect(303, `/coaching/sessions/${r.data.id}`);
  }
};
