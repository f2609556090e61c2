import { can, requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** The calibration hub: what I have to score, what was revealed, and (managers) every session. */
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  if (!can(me, 'manageCalibration')) requireCan(me, 'calibrate');
  const list = await read(event, api(event).api.calibration.sessions.$get({ query: {} }));
  return { sessions: list.items, manages: can(me, 'manageCalibration') };
};
