import { error, fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** One plan: its calls per weekday × hour, publishing it, and its assignments (reassign, cancel). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageMystery');
  if (!/^[1-9][0-9]{0,15}$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  const client = api(event).api.mystery.plans;
  const [detail, options] = await Promise.all([
    read(event, client[':id'].$get({ param: { id: event.params.id } })),
    read(event, client.options.$get())
  ]);
  return { ...detail, shoppers: options.shoppers };
};

const form = async (event: RequestEvent) => {
  const f = await event.request.formData();
  const num = (k: string) => Number(String(f.get(k) ?? '').trim() || NaN);
  return { f, num };
};

/** A refused action: the screen's own words for a conflict (a stale version, nothing to publish), else the code's message. */
const refused = (action: string, res: { status: number; code: string; details: { path?: string; message: string }[] }, conflict: string) =>
  fail(res.status, { action, message: res.code === 'CONFLICT' ? conflict : apiErrorMessage(res), details: res.details });

export const actions: Actions = {
  update: async (event) => {
    const { num } = await form(event);
    const json = { version: num('version'), calls: num('calls'), targetAnswerSeconds: num('targetAnswerSeconds') };
    const res = await send(api(event).api.mystery.plans[':id'].$patch({ param: { id: event.params.id }, json }));
    if (!res.ok) return refused('update', res, m.mystery_plan_stale());
    return { action: 'update', success: m.mystery_plan_saved() };
  },
  publish: async (event) => {
    const { num } = await form(event);
    const res = await send(
      api(event).api.mystery.plans[':id'].publish.$post({ param: { id: event.params.id }, json: { version: num('version') } })
    );
    if (!res.ok) return refused('publish', res, m.mystery_plan_publish_refused());
    return { action: 'publish', success: m.mystery_plan_published({ n: String(res.data.assignments) }) };
  },
  reassign: async (event) => {
    const { f, num } = await form(event);
    const id = String(f.get('assignmentId') ?? '');
    const res = await send(
      api(event).api.mystery.plans.assignments[':id'].reassign.$post({ param: { id }, json: { shopperId: num('shopperId') } })
    );
    if (!res.ok) return refused('reassign', res, m.mystery_plan_assignment_not_planned());
    return { action: 'reassign', success: m.mystery_plan_reassigned() };
  },
  cancel: async (event) => {
    const { f } = await form(event);
    const id = String(f.get('assignmentId') ?? '');
    const res = await send(api(event).api.mystery.plans.assignments[':id'].cancel.$post({ param: { id } }));
    if (!res.ok) return refused('cancel', res, m.mystery_plan_assignment_not_planned());
    return { action: 'cancel', success: m.mystery_plan_assignment_cancelled_done() };
  }
};
