import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Each evaluator's deviation from the agreed answers over time (a participant sees only itself: the API scopes it). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'calibrate');
  const query = { from: day(event.url.searchParams.get('from')), to: day(event.url.searchParams.get('to')) };
  const drift = await read(event, api(event).api.calibration.evaluators.$get({ query }));
  return { drift };
};
