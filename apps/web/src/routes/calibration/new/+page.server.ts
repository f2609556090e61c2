import { fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { readSessionForm } from '$lib/calibration/session-form';
import type { Actions, PageServerLoad } from './$types';

/**
 * Making a calibration session: first the program (?program=), then title, deadline, calls (chosen from the
 * program's recent calls or drawn from a period) and participants (who may score for the program's client).
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageCalibration');
  const raw = event.url.searchParams.get('program');
  const programId = raw && /^[1-9][0-9]{0,15}$/.test(raw) ? raw : undefined;
  const options = await read(event, api(event).api.calibration.options.$get({ query: { programId } }));
  return { options };
};

export const actions: Actions = {
  default: async (event) => {
    requireCan(event.locals.me, 'manageCalibration');
    const client = api(event).api.calibration;
    const opts = await send(client.options.$get({ query: {} }));
    const timeZone = opts.ok ? opts.data.timeZone : 'UTC';
    const values = readSessionForm(await event.request.formData(), timeZone);
    const { deadlineLocal: _local, ...json } = values;
    const res = await send(client.sessions.$post({ json }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), details: res.details, values });
    redirect(303, `/calibration/${res.data.id}`);
  }
};
