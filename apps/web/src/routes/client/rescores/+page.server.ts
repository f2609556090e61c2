import { error, fail, redirect } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The previous calendar month as local days (the form's default: "5% of last month"). */
function lastMonth(now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

/** The client's blind re-scores: the list with progress and, for the client's auditors, the request form. */
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  if (!can(me, 'rescore') && !can(me, 'readClientPortal')) error(404, m.error_NOT_FOUND());
  const client = api(event).api;
  const [rescores, programs] = await Promise.all([
    read(event, client.client.rescores.$get()),
    can(me, 'rescore') ? read(event, client.me.programs.$get()).then((r) => r.items) : Promise.resolve([])
  ]);
  return { rescores: rescores.items, programs, canRequest: can(me, 'rescore'), defaults: { ...lastMonth(), sharePercent: 5 } };
};

export const actions: Actions = {
  default: async (event) => {
    requireCan(event.locals.me, 'rescore');
    const form = await event.request.formData();
    const programRaw = String(form.get('programId') ?? '');
    const values = {
      programId: programRaw,
      fromDay: String(form.get('fromDay') ?? ''),
      toDay: String(form.get('toDay') ?? ''),
      sharePercent: String(form.get('sharePercent') ?? '')
    };
    const share = Number(values.sharePercent.replace(',', '.'));
    const json = {
      ...(/^[1-9][0-9]{0,15}$/.test(programRaw) ? { programId: Number(programRaw) } : {}),
      fromDay: values.fromDay,
      toDay: values.toDay,
      sharePercent: Number.isFinite(share) ? share : -1
    };
    const res = await send(api(event).api.client.rescores.$post({ json }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), values });
    redirect(303, `/client/rescores/${res.data.id}`);
  }
};
