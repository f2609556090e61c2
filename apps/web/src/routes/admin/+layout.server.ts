import { requireCan } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

/** Admin screens exist only for admins; anyone else sees a not-found page (the API refuses them too). */
export const load: LayoutServerLoad = ({ locals }) => {
  requireCan(locals.me, 'administer');
  return {};
};
