import { redirect } from '@sveltejs/kit';
import { auth } from '$lib/server/api-client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    const { cookies } = event;
    await auth(event, 'sign-out');
    // Whatever the API answered, the browser forgets the session.
    for (const name of ['attentive.session_token', '__Secure-attentive.session_token']) {
      if (cookies.get(name)) cookies.delete(name, { path: '/' });
    }
    redirect(303, '/sign-in');
  }
};
