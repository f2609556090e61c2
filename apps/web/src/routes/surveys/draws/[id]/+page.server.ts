import { error } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * One day's callback list: the draw and its items (status, attempts; never contact details), and whether it
 * verifies — recomputed from the stored snapshot on every view (a list of a day is small).
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  if (!/^[1-9][0-9]{0,15}$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  const draws = api(event).api.surveys.draws[':id'];
  const draw = await read(event, draws.$get({ param: { id: event.params.id } }));
  const verified = await send(draws.verify.$get({ param: { id: event.params.id } }));
  return { draw, verification: verified.ok ? verified.data : null };
};
