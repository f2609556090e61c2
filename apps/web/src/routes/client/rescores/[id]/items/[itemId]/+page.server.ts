import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const isId = (s: string) => /^[1-9][0-9]{0,15}$/.test(s);

/** One drawn call of a re-score to score blind (the API leaves the contact center's score out until it is scored). */
export const load: PageServerLoad = async (event) => {
  const { id, itemId } = event.params;
  if (!isId(id) || !isId(itemId)) error(404, m.error_NOT_FOUND());
  const screen = await read(event, api(event).api.client.rescores[':id'].items[':itemId'].$get({ param: { id, itemId } }));
  return { screen };
};
