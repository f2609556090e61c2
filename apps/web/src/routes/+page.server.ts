import { redirect } from '@sveltejs/kit';
import { homeOf } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/** `/` sends each person to the home of its role. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me) redirect(303, '/sign-in');
  redirect(303, homeOf(locals.me));
};
