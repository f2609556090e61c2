import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const isId = (s: string) => /^[1-9][0-9]{0,15}$/.test(s);

/** One call of a calibration session to score blind (participants only: the API says who). */
export const load: PageServerLoad = async (event) => {
  const { id, callId } = event.params;
  if (!isId(id) || !isId(callId)) error(404, m.error_NOT_FOUND());
  const scoring = await read(event, api(event).api.calibration.sessions[':id'].calls[':callId'].score.$get({ param: { id, callId } }));
  return { scoring };
};
