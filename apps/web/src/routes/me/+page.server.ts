import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Home of an agent: its own results (filled in by the coaching work). */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me?.personId) error(404, 'Not found');
  return {};
};
