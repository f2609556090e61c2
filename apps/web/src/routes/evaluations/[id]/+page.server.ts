import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getJson, screenFromDetail, type EvaluationDetail } from '$lib/server/evaluations';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such evaluation');
  const detail = await getJson<EvaluationDetail>(event, `/api/evaluations/${id}`);
  return { id, screen: screenFromDetail(detail) };
};
