import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Home of QA analysts and team leads. The sampling work builds the real queue here. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me?.roles.some((r) => r === 'qa_analyst' || r === 'team_lead' || r === 'admin')) error(404, 'Not found');
  return {};
};
