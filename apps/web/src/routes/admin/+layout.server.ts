import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Admin screens exist only for admins; anyone else sees a not-found page (the API refuses them too). */
export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.me?.roles.includes('admin')) error(404, 'Not found');
  return {};
};
