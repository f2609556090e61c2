import { error, fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const session = (event: Parameters<typeof api>[0]) => api(event).api.calibration.sessions[':id'];
const idOf = (raw: string) => {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) error(404, m.error_NOT_FOUND());
  return raw;
};

/** One session: its calls (with my state), everyone's progress (never answers before the reveal), the reveal. */
export const load: PageServerLoad = async (event) => {
  const id = idOf(event.params.id);
  return { session: await read(event, session(event).$get({ param: { id } })) };
};

export const actions: Actions = {
  reveal: async (event) => {
    const id = idOf(event.params.id);
    const r = await send(session(event).reveal.$post({ param: { id } }));
    return r.ok ? { revealed: true } : fail(r.status, { error: apiErrorMessage(r) });
  }
};
