import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const isId = (s: string) => /^[1-9][0-9]{0,15}$/.test(s);

/** One re-score: progress, the draw's verification, the calls to score and the comparison (the API says who may read it). */
export const load: PageServerLoad = async (event) => {
  const { id } = event.params;
  if (!isId(id)) error(404, m.error_NOT_FOUND());
  const r = api(event).api.client.rescores[':id'];
  const [rescore, verification, comparison] = await Promise.all([
    read(event, r.$get({ param: { id } })),
    read(event, r.verify.$get({ param: { id } })),
    read(event, r.comparison.$get({ param: { id } }))
  ]);
  return { rescore, verification, comparison };
};
