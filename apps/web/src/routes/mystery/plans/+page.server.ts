import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** Mystery-call plans, newest month first (admins and QA analysts). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageMystery');
  const plans = await read(event, api(event).api.mystery.plans.$get({ query: {} }));
  return { plans: plans.items };
};
